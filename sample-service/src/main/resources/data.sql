-- Runs on every start and leaves the same data, whatever an earlier start left behind:
-- no invoices yet, each product and account once.
DELETE FROM invoice;

MERGE INTO product (sku, name, price) KEY (sku) VALUES ('WIDGET', 'Widget', 4.50), ('GADGET', 'Gadget', 12.00);

-- 5,000 accounts in Germany, France and the Netherlands; account 3210 is in Kosovo (XK).
MERGE INTO account (id, name, country_code, monthly_fee) KEY (id)
SELECT X, 'Customer ' || X,
       CASE WHEN X = 3210 THEN 'XK' WHEN MOD(X, 3) = 0 THEN 'DE' WHEN MOD(X, 3) = 1 THEN 'FR' ELSE 'NL' END,
       10 + MOD(X, 40)
FROM SYSTEM_RANGE(1, 5000);

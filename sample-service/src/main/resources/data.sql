INSERT INTO product (sku, name, price) VALUES ('WIDGET', 'Widget', 4.50), ('GADGET', 'Gadget', 12.00);

-- 5,000 accounts in Germany, France and the Netherlands; account 3210 is in Kosovo (XK).
INSERT INTO account (id, name, country_code, monthly_fee)
SELECT X, 'Customer ' || X,
       CASE WHEN X = 3210 THEN 'XK' WHEN MOD(X, 3) = 0 THEN 'DE' WHEN MOD(X, 3) = 1 THEN 'FR' ELSE 'NL' END,
       10 + MOD(X, 40)
FROM SYSTEM_RANGE(1, 5000);

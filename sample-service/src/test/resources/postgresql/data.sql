INSERT INTO product (sku, name, price) VALUES ('WIDGET', 'Widget', 4.50), ('GADGET', 'Gadget', 12.00);

-- The same 5,000 accounts as data.sql, with PostgreSQL's generate_series for H2's SYSTEM_RANGE.
INSERT INTO account (id, name, country_code, monthly_fee)
SELECT x, 'Customer ' || x,
       CASE WHEN x = 3210 THEN 'XK' WHEN MOD(x, 3) = 0 THEN 'DE' WHEN MOD(x, 3) = 1 THEN 'FR' ELSE 'NL' END,
       10 + MOD(x, 40)
FROM generate_series(1, 5000) AS x;

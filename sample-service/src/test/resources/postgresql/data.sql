-- data.sql for PostgreSQL: the same data, and as safe to run again.
DELETE FROM invoice;

INSERT INTO product (sku, name, price) VALUES ('WIDGET', 'Widget', 4.50), ('GADGET', 'Gadget', 12.00)
ON CONFLICT (sku) DO NOTHING;

-- The same 5,000 accounts as data.sql, with PostgreSQL's generate_series for H2's SYSTEM_RANGE.
INSERT INTO account (id, name, country_code, monthly_fee)
SELECT x, 'Customer ' || x,
       CASE WHEN x = 3210 THEN 'XK' WHEN MOD(x, 3) = 0 THEN 'DE' WHEN MOD(x, 3) = 1 THEN 'FR' ELSE 'NL' END,
       10 + MOD(x, 40)
FROM generate_series(1, 5000) AS x
ON CONFLICT (id) DO NOTHING;

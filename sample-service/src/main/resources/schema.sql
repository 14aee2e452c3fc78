-- Runs on every start, DevTools restarts included. An in-memory database can outlive a
-- start that failed, so the tables may exist already.
CREATE TABLE IF NOT EXISTS product (
  sku VARCHAR(32) PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  price DECIMAL(10, 2) NOT NULL
);

CREATE TABLE IF NOT EXISTS account (
  id BIGINT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  country_code CHAR(2) NOT NULL,
  monthly_fee DECIMAL(10, 2) NOT NULL
);

CREATE TABLE IF NOT EXISTS invoice (
  account_id BIGINT PRIMARY KEY REFERENCES account (id),
  net DECIMAL(10, 2) NOT NULL,
  vat DECIMAL(10, 2),
  total DECIMAL(10, 2)
);

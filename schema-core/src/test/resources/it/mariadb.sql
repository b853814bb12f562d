DROP DATABASE IF EXISTS tenant_b;
CREATE DATABASE tenant_b;
DROP TABLE IF EXISTS test.posts_tags, test.comments, test.notes, test.votes, test.counters, test.tokens, test.posts, test.tags, test.authors;
CREATE TABLE test.authors (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(200) NOT NULL UNIQUE,
  email_address VARCHAR(200), password VARCHAR(200), bio VARCHAR(2000), username VARCHAR(100), role VARCHAR(20),
  tags JSON, settings JSON, address JSON, links JSON, inserted_at DATETIME(6), updated_at DATETIME(6));
CREATE TABLE test.posts (id BIGINT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(200), body VARCHAR(2000),
  published BOOLEAN DEFAULT FALSE NOT NULL, rating INT, author_id BIGINT REFERENCES test.authors(id),
  inserted_at DATETIME(6), updated_at DATETIME(6));
CREATE TABLE test.comments (id BIGINT AUTO_INCREMENT PRIMARY KEY, body VARCHAR(2000), approved BOOLEAN, post_id BIGINT REFERENCES test.posts(id));
CREATE TABLE test.tags (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100));
CREATE TABLE test.posts_tags (post_id BIGINT REFERENCES test.posts(id), tag_id BIGINT REFERENCES test.tags(id));
CREATE TABLE test.notes (id BIGINT AUTO_INCREMENT PRIMARY KEY, content VARCHAR(200), author_id BIGINT REFERENCES test.authors(id));
CREATE TABLE test.votes (post_id BIGINT, voter VARCHAR(100), points INT NOT NULL, PRIMARY KEY (post_id, voter));
CREATE TABLE test.counters (id BIGINT AUTO_INCREMENT PRIMARY KEY, label VARCHAR(100), hits INT DEFAULT 7);
CREATE TABLE test.tokens (id CHAR(36) PRIMARY KEY, public_id CHAR(36), amount DECIMAL(12, 2), valid_on DATE, at_time TIME, expires_at DATETIME(6),
  ttl VARCHAR(100), secret VARBINARY(100), score DOUBLE, owner_id CHAR(36));
CREATE TABLE tenant_b.authors (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(200) NOT NULL UNIQUE,
  email_address VARCHAR(200), password VARCHAR(200), bio VARCHAR(2000), username VARCHAR(100), role VARCHAR(20),
  tags JSON, settings JSON, address JSON, links JSON, inserted_at DATETIME(6), updated_at DATETIME(6));
CREATE TABLE tenant_b.posts (id BIGINT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(200), body VARCHAR(2000),
  published BOOLEAN DEFAULT FALSE NOT NULL, rating INT, author_id BIGINT REFERENCES tenant_b.authors(id),
  inserted_at DATETIME(6), updated_at DATETIME(6));
CREATE TABLE tenant_b.comments (id BIGINT AUTO_INCREMENT PRIMARY KEY, body VARCHAR(2000), approved BOOLEAN, post_id BIGINT REFERENCES tenant_b.posts(id));
CREATE TABLE tenant_b.tags (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100));
CREATE TABLE tenant_b.posts_tags (post_id BIGINT REFERENCES tenant_b.posts(id), tag_id BIGINT REFERENCES tenant_b.tags(id));
CREATE TABLE tenant_b.notes (id BIGINT AUTO_INCREMENT PRIMARY KEY, content VARCHAR(200), author_id BIGINT REFERENCES tenant_b.authors(id));
CREATE TABLE tenant_b.votes (post_id BIGINT, voter VARCHAR(100), points INT NOT NULL, PRIMARY KEY (post_id, voter));
CREATE TABLE tenant_b.counters (id BIGINT AUTO_INCREMENT PRIMARY KEY, label VARCHAR(100), hits INT DEFAULT 7);
CREATE TABLE tenant_b.tokens (id CHAR(36) PRIMARY KEY, public_id CHAR(36), amount DECIMAL(12, 2), valid_on DATE, at_time TIME, expires_at DATETIME(6),
  ttl VARCHAR(100), secret VARBINARY(100), score DOUBLE, owner_id CHAR(36));

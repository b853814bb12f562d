DROP DATABASE IF EXISTS tenant_b;
CREATE DATABASE tenant_b;
DROP TABLE IF EXISTS test.tickets, test.enum_tickets, test.record_books, test.record_shelves, test.keywords, test.post_labels, test.posts_tags, test.comments, test.notes, test.votes, test.counters, test.tokens, test.posts, test.tags, test.authors;
CREATE TABLE test.authors (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(200) NOT NULL,
  email_address VARCHAR(200), password VARCHAR(200), bio VARCHAR(2000), username VARCHAR(100), role VARCHAR(20),
  tags JSON, settings JSON, address JSON, links JSON, inserted_at DATETIME(6), updated_at DATETIME(6), CONSTRAINT authors_name_index UNIQUE (name));
CREATE TABLE test.posts (id BIGINT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(200), body VARCHAR(2000),
  published BOOLEAN DEFAULT FALSE NOT NULL, rating INT, author_id BIGINT,
  inserted_at DATETIME(6), updated_at DATETIME(6), CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES test.authors(id),
  CONSTRAINT posts_rating_check CHECK (rating IS NULL OR rating <= 1000));
CREATE TABLE test.comments (id BIGINT AUTO_INCREMENT PRIMARY KEY, body VARCHAR(2000), approved BOOLEAN, post_id BIGINT, CONSTRAINT comments_post_id_fkey FOREIGN KEY (post_id) REFERENCES test.posts(id));
CREATE TABLE test.tags (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100));
CREATE TABLE test.posts_tags (post_id BIGINT, tag_id BIGINT, CONSTRAINT posts_tags_post_id_fkey FOREIGN KEY (post_id) REFERENCES test.posts(id),
  CONSTRAINT posts_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES test.tags(id));
CREATE TABLE test.post_labels (id BIGINT AUTO_INCREMENT PRIMARY KEY, post_id BIGINT, tag_id BIGINT, source VARCHAR(20), weight INT);
CREATE TABLE test.notes (id BIGINT AUTO_INCREMENT PRIMARY KEY, content VARCHAR(200), lock_version INT, author_id BIGINT,
  CONSTRAINT notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES test.authors(id));
CREATE TABLE test.votes (post_id BIGINT, voter VARCHAR(100), points INT NOT NULL, PRIMARY KEY (post_id, voter));
CREATE TABLE test.counters (id BIGINT AUTO_INCREMENT PRIMARY KEY, label VARCHAR(100), hits INT DEFAULT 7);
CREATE TABLE test.tokens (id CHAR(36) PRIMARY KEY, public_id CHAR(36), amount DECIMAL(12, 2), valid_on DATE, at_time TIME, expires_at DATETIME(6),
  ttl VARCHAR(100), secret VARBINARY(100), score DOUBLE, owner_id CHAR(36));
CREATE TABLE tenant_b.authors (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(200) NOT NULL,
  email_address VARCHAR(200), password VARCHAR(200), bio VARCHAR(2000), username VARCHAR(100), role VARCHAR(20),
  tags JSON, settings JSON, address JSON, links JSON, inserted_at DATETIME(6), updated_at DATETIME(6), CONSTRAINT authors_name_index UNIQUE (name));
CREATE TABLE tenant_b.posts (id BIGINT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(200), body VARCHAR(2000),
  published BOOLEAN DEFAULT FALSE NOT NULL, rating INT, author_id BIGINT,
  inserted_at DATETIME(6), updated_at DATETIME(6), CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES tenant_b.authors(id),
  CONSTRAINT posts_rating_check CHECK (rating IS NULL OR rating <= 1000));
CREATE TABLE tenant_b.comments (id BIGINT AUTO_INCREMENT PRIMARY KEY, body VARCHAR(2000), approved BOOLEAN, post_id BIGINT, CONSTRAINT comments_post_id_fkey FOREIGN KEY (post_id) REFERENCES tenant_b.posts(id));
CREATE TABLE tenant_b.tags (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100));
CREATE TABLE tenant_b.posts_tags (post_id BIGINT, tag_id BIGINT, CONSTRAINT posts_tags_post_id_fkey FOREIGN KEY (post_id) REFERENCES tenant_b.posts(id),
  CONSTRAINT posts_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tenant_b.tags(id));
CREATE TABLE tenant_b.post_labels (id BIGINT AUTO_INCREMENT PRIMARY KEY, post_id BIGINT, tag_id BIGINT, source VARCHAR(20), weight INT);
CREATE TABLE tenant_b.notes (id BIGINT AUTO_INCREMENT PRIMARY KEY, content VARCHAR(200), lock_version INT, author_id BIGINT,
  CONSTRAINT notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES tenant_b.authors(id));
CREATE TABLE tenant_b.votes (post_id BIGINT, voter VARCHAR(100), points INT NOT NULL, PRIMARY KEY (post_id, voter));
CREATE TABLE tenant_b.counters (id BIGINT AUTO_INCREMENT PRIMARY KEY, label VARCHAR(100), hits INT DEFAULT 7);
CREATE TABLE tenant_b.tokens (id CHAR(36) PRIMARY KEY, public_id CHAR(36), amount DECIMAL(12, 2), valid_on DATE, at_time TIME, expires_at DATETIME(6),
  ttl VARCHAR(100), secret VARBINARY(100), score DOUBLE, owner_id CHAR(36));
CREATE TABLE test.keywords (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, color VARCHAR(20), hits INT, created_by VARCHAR(50), inserted_at DATETIME(6), updated_at DATETIME(6), CONSTRAINT keywords_name_index UNIQUE (name));
CREATE TABLE tenant_b.keywords (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, color VARCHAR(20), hits INT, created_by VARCHAR(50), inserted_at DATETIME(6), updated_at DATETIME(6), CONSTRAINT keywords_name_index UNIQUE (name));
CREATE TABLE test.record_shelves (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100), capacity INT NOT NULL,
  inserted_at DATETIME(6), updated_at DATETIME(6));
CREATE TABLE test.record_books (id BIGINT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(200), shelf_id BIGINT,
  CONSTRAINT record_books_shelf_id_fkey FOREIGN KEY (shelf_id) REFERENCES test.record_shelves(id));
CREATE TABLE test.tickets (id BIGINT AUTO_INCREMENT PRIMARY KEY, code VARCHAR(64), title VARCHAR(100), inserted_at DATETIME, updated_at DATETIME);
CREATE TABLE tenant_b.tickets (id BIGINT AUTO_INCREMENT PRIMARY KEY, code VARCHAR(64), title VARCHAR(100), inserted_at DATETIME, updated_at DATETIME);
CREATE TABLE test.enum_tickets (id BIGINT AUTO_INCREMENT PRIMARY KEY, status INT, priority VARCHAR(20), meta JSON);

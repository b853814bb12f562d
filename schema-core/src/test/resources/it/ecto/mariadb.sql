-- The tables of Ecto's integration schemas (integration_test/support/schemas.exs) that EctoAssocContract, EctoPreloadContract and EctoRepoContract port.
DROP TABLE IF EXISTS test.ecto_customs_customs, test.ecto_orders, test.ecto_posts_users_composite_pk, test.ecto_posts_users_pk, test.ecto_posts_users, test.ecto_permalinks, test.ecto_comments, test.ecto_posts, test.ecto_users, test.ecto_customs, test.ecto_barebones, test.ecto_composite_pk, test.ecto_raw_comments, test.ecto_categories, test.ecto_usecs;
CREATE TABLE test.ecto_customs (bid CHAR(36) PRIMARY KEY, uuid CHAR(36));
CREATE UNIQUE INDEX ecto_customs_uuid_index ON test.ecto_customs (uuid);
CREATE TABLE test.ecto_customs_customs (custom_id1 CHAR(36), custom_id2 CHAR(36),
  CONSTRAINT ecto_customs_customs_custom_id1_fkey FOREIGN KEY (custom_id1) REFERENCES test.ecto_customs(bid),
  CONSTRAINT ecto_customs_customs_custom_id2_fkey FOREIGN KEY (custom_id2) REFERENCES test.ecto_customs(bid));
CREATE TABLE test.ecto_users (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(200), custom_id CHAR(36), inserted_at DATETIME(6), updated_at DATETIME(6));
CREATE TABLE test.ecto_posts (id BIGINT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(200), visits INT, author_id BIGINT,
  counter BIGINT, uuid CHAR(36), public BOOLEAN, posted DATE, inserted_at DATETIME(6), updated_at DATETIME(6),
  CONSTRAINT ecto_posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES test.ecto_users(id));
CREATE UNIQUE INDEX ecto_posts_uuid_index ON test.ecto_posts (uuid);
CREATE TABLE test.ecto_comments (id BIGINT AUTO_INCREMENT PRIMARY KEY, text VARCHAR(200), lock_version INT, post_id BIGINT, author_id BIGINT,
  CONSTRAINT ecto_comments_post_id_fkey FOREIGN KEY (post_id) REFERENCES test.ecto_posts(id),
  CONSTRAINT ecto_comments_author_id_fkey FOREIGN KEY (author_id) REFERENCES test.ecto_users(id));
CREATE TABLE test.ecto_permalinks (id BIGINT AUTO_INCREMENT PRIMARY KEY, uniform_resource_locator VARCHAR(200), post_id BIGINT, user_id BIGINT,
  CONSTRAINT ecto_permalinks_post_id_fkey FOREIGN KEY (post_id) REFERENCES test.ecto_posts(id),
  CONSTRAINT ecto_permalinks_user_id_fkey FOREIGN KEY (user_id) REFERENCES test.ecto_users(id));
CREATE TABLE test.ecto_posts_users (post_id BIGINT, user_id BIGINT,
  CONSTRAINT ecto_posts_users_post_id_fkey FOREIGN KEY (post_id) REFERENCES test.ecto_posts(id),
  CONSTRAINT ecto_posts_users_user_id_fkey FOREIGN KEY (user_id) REFERENCES test.ecto_users(id));
CREATE TABLE test.ecto_posts_users_pk (id BIGINT AUTO_INCREMENT PRIMARY KEY, post_id BIGINT, user_id BIGINT, inserted_at DATETIME(6), updated_at DATETIME(6),
  CONSTRAINT ecto_posts_users_pk_post_id_fkey FOREIGN KEY (post_id) REFERENCES test.ecto_posts(id),
  CONSTRAINT ecto_posts_users_pk_user_id_fkey FOREIGN KEY (user_id) REFERENCES test.ecto_users(id));
CREATE TABLE test.ecto_orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, label VARCHAR(200), meta JSON, item JSON, items JSON, permalink_id BIGINT,
  CONSTRAINT ecto_orders_permalink_id_fkey FOREIGN KEY (permalink_id) REFERENCES test.ecto_permalinks(id));
CREATE TABLE test.ecto_posts_users_composite_pk (user_id BIGINT, post_id BIGINT, inserted_at DATETIME(6), updated_at DATETIME(6),
  PRIMARY KEY (user_id, post_id),
  CONSTRAINT ecto_posts_users_composite_pk_user_id_fkey FOREIGN KEY (user_id) REFERENCES test.ecto_users(id),
  CONSTRAINT ecto_posts_users_composite_pk_post_id_fkey FOREIGN KEY (post_id) REFERENCES test.ecto_posts(id));
CREATE TABLE test.ecto_barebones (num INT);
CREATE TABLE test.ecto_composite_pk (a BIGINT, b BIGINT, name VARCHAR(200), PRIMARY KEY (a, b));
CREATE TABLE test.ecto_raw_comments (id BIGINT AUTO_INCREMENT PRIMARY KEY, text VARCHAR(200), lock_version INT DEFAULT 1);
-- Not one of Ecto's schemas: a tree for the recursive common table expressions of EctoJoinsContract.
CREATE TABLE test.ecto_categories (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(200), parent_id BIGINT);
CREATE TABLE test.ecto_usecs (id BIGINT AUTO_INCREMENT PRIMARY KEY, naive_datetime_usec DATETIME(6), utc_datetime_usec DATETIME(6));
CREATE UNIQUE INDEX ecto_permalinks_url_index ON test.ecto_permalinks (uniform_resource_locator);

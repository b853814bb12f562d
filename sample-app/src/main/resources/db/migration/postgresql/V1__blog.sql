-- The blog's tables, in the database schema "blog" (schema.prefix) and in the schema of the second tenant (acme).
CREATE SCHEMA IF NOT EXISTS blog;
CREATE SCHEMA IF NOT EXISTS acme;
CREATE TABLE IF NOT EXISTS blog.users (id BIGSERIAL PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200) NOT NULL,
  password_hash VARCHAR(200) NOT NULL, profile JSONB, inserted_at TIMESTAMP(6), updated_at TIMESTAMP(6),
  CONSTRAINT users_email_index UNIQUE (email));
CREATE TABLE IF NOT EXISTS blog.posts (id BIGSERIAL PRIMARY KEY, title VARCHAR(200) NOT NULL, body TEXT NOT NULL, published BOOLEAN DEFAULT FALSE NOT NULL, word_count INT,
  user_id BIGINT NOT NULL, links JSONB, inserted_at TIMESTAMP(6), updated_at TIMESTAMP(6),
  CONSTRAINT posts_user_id_fkey FOREIGN KEY (user_id) REFERENCES blog.users(id));
CREATE TABLE IF NOT EXISTS blog.comments (id BIGSERIAL PRIMARY KEY, body TEXT NOT NULL, post_id BIGINT NOT NULL, inserted_at TIMESTAMP(6),
  CONSTRAINT comments_post_id_fkey FOREIGN KEY (post_id) REFERENCES blog.posts(id));
CREATE TABLE IF NOT EXISTS blog.tags (id BIGSERIAL PRIMARY KEY, name VARCHAR(50) NOT NULL, CONSTRAINT tags_name_index UNIQUE (name));
CREATE TABLE IF NOT EXISTS blog.posts_tags (post_id BIGINT NOT NULL, tag_id BIGINT NOT NULL,
  CONSTRAINT posts_tags_post_id_fkey FOREIGN KEY (post_id) REFERENCES blog.posts(id),
  CONSTRAINT posts_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES blog.tags(id));
CREATE TABLE IF NOT EXISTS acme.users (id BIGSERIAL PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200) NOT NULL,
  password_hash VARCHAR(200) NOT NULL, profile JSONB, inserted_at TIMESTAMP(6), updated_at TIMESTAMP(6),
  CONSTRAINT users_email_index UNIQUE (email));
CREATE TABLE IF NOT EXISTS acme.posts (id BIGSERIAL PRIMARY KEY, title VARCHAR(200) NOT NULL, body TEXT NOT NULL, published BOOLEAN DEFAULT FALSE NOT NULL, word_count INT,
  user_id BIGINT NOT NULL, links JSONB, inserted_at TIMESTAMP(6), updated_at TIMESTAMP(6),
  CONSTRAINT posts_user_id_fkey FOREIGN KEY (user_id) REFERENCES acme.users(id));
CREATE TABLE IF NOT EXISTS acme.comments (id BIGSERIAL PRIMARY KEY, body TEXT NOT NULL, post_id BIGINT NOT NULL, inserted_at TIMESTAMP(6),
  CONSTRAINT comments_post_id_fkey FOREIGN KEY (post_id) REFERENCES acme.posts(id));
CREATE TABLE IF NOT EXISTS acme.tags (id BIGSERIAL PRIMARY KEY, name VARCHAR(50) NOT NULL, CONSTRAINT tags_name_index UNIQUE (name));
CREATE TABLE IF NOT EXISTS acme.posts_tags (post_id BIGINT NOT NULL, tag_id BIGINT NOT NULL,
  CONSTRAINT posts_tags_post_id_fkey FOREIGN KEY (post_id) REFERENCES acme.posts(id),
  CONSTRAINT posts_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES acme.tags(id));

-- Added after the first release: existing databases get the column too.
ALTER TABLE blog.posts ADD COLUMN IF NOT EXISTS word_count INT;
ALTER TABLE acme.posts ADD COLUMN IF NOT EXISTS word_count INT;
ALTER TABLE blog.posts ADD COLUMN IF NOT EXISTS lock_version INT DEFAULT 0 NOT NULL;
ALTER TABLE acme.posts ADD COLUMN IF NOT EXISTS lock_version INT DEFAULT 0 NOT NULL;
CREATE INDEX IF NOT EXISTS comments_post_id_index ON blog.comments (post_id);
CREATE INDEX IF NOT EXISTS posts_tags_post_id_index ON blog.posts_tags (post_id);
CREATE INDEX IF NOT EXISTS comments_post_id_index ON acme.comments (post_id);
CREATE INDEX IF NOT EXISTS posts_tags_post_id_index ON acme.posts_tags (post_id);

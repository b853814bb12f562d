DROP SCHEMA IF EXISTS tenant_b CASCADE;
DROP TABLE IF EXISTS public.tickets, public.enum_tickets, public.record_books, public.record_shelves, public.keywords, public.post_labels, public.posts_tags, public.comments, public.notes, public.votes, public.counters, public.tokens,
  public.posts, public.tags, public.authors CASCADE;
CREATE SCHEMA tenant_b;
CREATE TABLE public.authors (id BIGSERIAL PRIMARY KEY, name VARCHAR(200) NOT NULL,
  email_address VARCHAR(200), password VARCHAR(200), bio VARCHAR(2000), username VARCHAR(100), role VARCHAR(20),
  tags TEXT[], settings JSONB, address JSONB, links JSONB, inserted_at TIMESTAMP(6), updated_at TIMESTAMP(6), CONSTRAINT authors_name_index UNIQUE (name));
CREATE TABLE public.posts (id BIGSERIAL PRIMARY KEY, title VARCHAR(200), body VARCHAR(2000),
  published BOOLEAN DEFAULT FALSE NOT NULL, rating INT, author_id BIGINT,
  inserted_at TIMESTAMP(6), updated_at TIMESTAMP(6), CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.authors(id),
  CONSTRAINT posts_rating_check CHECK (rating IS NULL OR rating <= 1000));
CREATE TABLE public.comments (id BIGSERIAL PRIMARY KEY, body VARCHAR(2000), approved BOOLEAN, post_id BIGINT, CONSTRAINT comments_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.posts(id));
CREATE TABLE public.tags (id BIGSERIAL PRIMARY KEY, name VARCHAR(100));
CREATE TABLE public.posts_tags (post_id BIGINT, tag_id BIGINT, CONSTRAINT posts_tags_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.posts(id),
  CONSTRAINT posts_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES public.tags(id));
CREATE TABLE public.post_labels (id BIGSERIAL PRIMARY KEY, post_id BIGINT, tag_id BIGINT, source VARCHAR(20), weight INT);
CREATE TABLE public.notes (id BIGSERIAL PRIMARY KEY, content VARCHAR(200), lock_version INT, author_id BIGINT,
  CONSTRAINT notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.authors(id));
CREATE TABLE public.votes (post_id BIGINT, voter VARCHAR(100), points INT NOT NULL, PRIMARY KEY (post_id, voter));
CREATE TABLE public.counters (id BIGSERIAL PRIMARY KEY, label VARCHAR(100), hits INT DEFAULT 7);
CREATE TABLE public.tokens (id UUID PRIMARY KEY, public_id UUID, amount NUMERIC(12, 2), valid_on DATE, at_time TIME, expires_at TIMESTAMP(6),
  ttl VARCHAR(100), secret BYTEA, score DOUBLE PRECISION, owner_id UUID);
CREATE TABLE tenant_b.authors (id BIGSERIAL PRIMARY KEY, name VARCHAR(200) NOT NULL,
  email_address VARCHAR(200), password VARCHAR(200), bio VARCHAR(2000), username VARCHAR(100), role VARCHAR(20),
  tags TEXT[], settings JSONB, address JSONB, links JSONB, inserted_at TIMESTAMP(6), updated_at TIMESTAMP(6), CONSTRAINT authors_name_index UNIQUE (name));
CREATE TABLE tenant_b.posts (id BIGSERIAL PRIMARY KEY, title VARCHAR(200), body VARCHAR(2000),
  published BOOLEAN DEFAULT FALSE NOT NULL, rating INT, author_id BIGINT,
  inserted_at TIMESTAMP(6), updated_at TIMESTAMP(6), CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES tenant_b.authors(id),
  CONSTRAINT posts_rating_check CHECK (rating IS NULL OR rating <= 1000));
CREATE TABLE tenant_b.comments (id BIGSERIAL PRIMARY KEY, body VARCHAR(2000), approved BOOLEAN, post_id BIGINT, CONSTRAINT comments_post_id_fkey FOREIGN KEY (post_id) REFERENCES tenant_b.posts(id));
CREATE TABLE tenant_b.tags (id BIGSERIAL PRIMARY KEY, name VARCHAR(100));
CREATE TABLE tenant_b.posts_tags (post_id BIGINT, tag_id BIGINT, CONSTRAINT posts_tags_post_id_fkey FOREIGN KEY (post_id) REFERENCES tenant_b.posts(id),
  CONSTRAINT posts_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tenant_b.tags(id));
CREATE TABLE tenant_b.post_labels (id BIGSERIAL PRIMARY KEY, post_id BIGINT, tag_id BIGINT, source VARCHAR(20), weight INT);
CREATE TABLE tenant_b.notes (id BIGSERIAL PRIMARY KEY, content VARCHAR(200), lock_version INT, author_id BIGINT,
  CONSTRAINT notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES tenant_b.authors(id));
CREATE TABLE tenant_b.votes (post_id BIGINT, voter VARCHAR(100), points INT NOT NULL, PRIMARY KEY (post_id, voter));
CREATE TABLE tenant_b.counters (id BIGSERIAL PRIMARY KEY, label VARCHAR(100), hits INT DEFAULT 7);
CREATE TABLE tenant_b.tokens (id UUID PRIMARY KEY, public_id UUID, amount NUMERIC(12, 2), valid_on DATE, at_time TIME, expires_at TIMESTAMP(6),
  ttl VARCHAR(100), secret BYTEA, score DOUBLE PRECISION, owner_id UUID);
CREATE TABLE public.keywords (id BIGSERIAL PRIMARY KEY, name VARCHAR(100) NOT NULL, color VARCHAR(20), hits INT, created_by VARCHAR(50), inserted_at TIMESTAMP(6), updated_at TIMESTAMP(6), CONSTRAINT keywords_name_index UNIQUE (name));
CREATE TABLE tenant_b.keywords (id BIGSERIAL PRIMARY KEY, name VARCHAR(100) NOT NULL, color VARCHAR(20), hits INT, created_by VARCHAR(50), inserted_at TIMESTAMP(6), updated_at TIMESTAMP(6), CONSTRAINT keywords_name_index UNIQUE (name));
CREATE TABLE public.record_shelves (id BIGSERIAL PRIMARY KEY, name VARCHAR(100), capacity INT NOT NULL,
  inserted_at TIMESTAMP(6), updated_at TIMESTAMP(6));
CREATE TABLE public.record_books (id BIGSERIAL PRIMARY KEY, title VARCHAR(200), shelf_id BIGINT,
  CONSTRAINT record_books_shelf_id_fkey FOREIGN KEY (shelf_id) REFERENCES public.record_shelves(id));
CREATE TABLE public.tickets (id BIGSERIAL PRIMARY KEY, code VARCHAR(64), title VARCHAR(100), inserted_at TIMESTAMP(0), updated_at TIMESTAMP(0));
CREATE TABLE tenant_b.tickets (id BIGSERIAL PRIMARY KEY, code VARCHAR(64), title VARCHAR(100), inserted_at TIMESTAMP(0), updated_at TIMESTAMP(0));
CREATE TABLE public.enum_tickets (id BIGSERIAL PRIMARY KEY, status INT, priority VARCHAR(20), meta JSONB);

DROP SCHEMA IF EXISTS tenant_b CASCADE;
DROP TABLE IF EXISTS public.posts_tags, public.comments, public.notes, public.votes, public.counters, public.tokens,
  public.posts, public.tags, public.authors CASCADE;
CREATE SCHEMA tenant_b;
CREATE TABLE public.authors (id BIGSERIAL PRIMARY KEY, name VARCHAR(200) NOT NULL UNIQUE,
  email_address VARCHAR(200), password VARCHAR(200), bio VARCHAR(2000), username VARCHAR(100), role VARCHAR(20),
  tags TEXT[], settings JSONB, address JSONB, links JSONB, inserted_at TIMESTAMP(6), updated_at TIMESTAMP(6));
CREATE TABLE public.posts (id BIGSERIAL PRIMARY KEY, title VARCHAR(200), body VARCHAR(2000),
  published BOOLEAN DEFAULT FALSE NOT NULL, rating INT, author_id BIGINT REFERENCES public.authors(id),
  inserted_at TIMESTAMP(6), updated_at TIMESTAMP(6));
CREATE TABLE public.comments (id BIGSERIAL PRIMARY KEY, body VARCHAR(2000), approved BOOLEAN, post_id BIGINT REFERENCES public.posts(id));
CREATE TABLE public.tags (id BIGSERIAL PRIMARY KEY, name VARCHAR(100));
CREATE TABLE public.posts_tags (post_id BIGINT REFERENCES public.posts(id), tag_id BIGINT REFERENCES public.tags(id));
CREATE TABLE public.notes (id BIGSERIAL PRIMARY KEY, content VARCHAR(200), author_id BIGINT REFERENCES public.authors(id));
CREATE TABLE public.votes (post_id BIGINT, voter VARCHAR(100), points INT NOT NULL, PRIMARY KEY (post_id, voter));
CREATE TABLE public.counters (id BIGSERIAL PRIMARY KEY, label VARCHAR(100), hits INT DEFAULT 7);
CREATE TABLE public.tokens (id UUID PRIMARY KEY, public_id UUID, amount NUMERIC(12, 2), valid_on DATE, at_time TIME, expires_at TIMESTAMP(6),
  ttl VARCHAR(100), secret BYTEA, score DOUBLE PRECISION, owner_id UUID);
CREATE TABLE tenant_b.authors (id BIGSERIAL PRIMARY KEY, name VARCHAR(200) NOT NULL UNIQUE,
  email_address VARCHAR(200), password VARCHAR(200), bio VARCHAR(2000), username VARCHAR(100), role VARCHAR(20),
  tags TEXT[], settings JSONB, address JSONB, links JSONB, inserted_at TIMESTAMP(6), updated_at TIMESTAMP(6));
CREATE TABLE tenant_b.posts (id BIGSERIAL PRIMARY KEY, title VARCHAR(200), body VARCHAR(2000),
  published BOOLEAN DEFAULT FALSE NOT NULL, rating INT, author_id BIGINT REFERENCES tenant_b.authors(id),
  inserted_at TIMESTAMP(6), updated_at TIMESTAMP(6));
CREATE TABLE tenant_b.comments (id BIGSERIAL PRIMARY KEY, body VARCHAR(2000), approved BOOLEAN, post_id BIGINT REFERENCES tenant_b.posts(id));
CREATE TABLE tenant_b.tags (id BIGSERIAL PRIMARY KEY, name VARCHAR(100));
CREATE TABLE tenant_b.posts_tags (post_id BIGINT REFERENCES tenant_b.posts(id), tag_id BIGINT REFERENCES tenant_b.tags(id));
CREATE TABLE tenant_b.notes (id BIGSERIAL PRIMARY KEY, content VARCHAR(200), author_id BIGINT REFERENCES tenant_b.authors(id));
CREATE TABLE tenant_b.votes (post_id BIGINT, voter VARCHAR(100), points INT NOT NULL, PRIMARY KEY (post_id, voter));
CREATE TABLE tenant_b.counters (id BIGSERIAL PRIMARY KEY, label VARCHAR(100), hits INT DEFAULT 7);
CREATE TABLE tenant_b.tokens (id UUID PRIMARY KEY, public_id UUID, amount NUMERIC(12, 2), valid_on DATE, at_time TIME, expires_at TIMESTAMP(6),
  ttl VARCHAR(100), secret BYTEA, score DOUBLE PRECISION, owner_id UUID);

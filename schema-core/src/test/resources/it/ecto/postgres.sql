-- The tables of Ecto's integration schemas (integration_test/support/schemas.exs) that EctoAssocContract, EctoPreloadContract and EctoRepoContract port.
DROP TABLE IF EXISTS public.ecto_customs_customs, public.ecto_orders, public.ecto_posts_users_composite_pk, public.ecto_posts_users_pk, public.ecto_posts_users, public.ecto_permalinks, public.ecto_comments, public.ecto_posts, public.ecto_users, public.ecto_customs, public.ecto_barebones, public.ecto_composite_pk, public.ecto_raw_comments, public.ecto_categories, public.ecto_usecs CASCADE;
CREATE TABLE public.ecto_customs (bid UUID PRIMARY KEY, uuid UUID);
CREATE UNIQUE INDEX ecto_customs_uuid_index ON public.ecto_customs (uuid);
CREATE TABLE public.ecto_customs_customs (custom_id1 UUID, custom_id2 UUID,
  CONSTRAINT ecto_customs_customs_custom_id1_fkey FOREIGN KEY (custom_id1) REFERENCES public.ecto_customs(bid),
  CONSTRAINT ecto_customs_customs_custom_id2_fkey FOREIGN KEY (custom_id2) REFERENCES public.ecto_customs(bid));
CREATE TABLE public.ecto_users (id BIGSERIAL PRIMARY KEY, name VARCHAR(200), custom_id UUID, inserted_at TIMESTAMP(6), updated_at TIMESTAMP(6));
CREATE TABLE public.ecto_posts (id BIGSERIAL PRIMARY KEY, title VARCHAR(200), visits INT, author_id BIGINT,
  counter BIGINT, uuid UUID, public BOOLEAN, posted DATE, inserted_at TIMESTAMP(6), updated_at TIMESTAMP(6),
  CONSTRAINT ecto_posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.ecto_users(id));
CREATE UNIQUE INDEX ecto_posts_uuid_index ON public.ecto_posts (uuid);
CREATE TABLE public.ecto_comments (id BIGSERIAL PRIMARY KEY, text VARCHAR(200), lock_version INT, post_id BIGINT, author_id BIGINT,
  CONSTRAINT ecto_comments_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.ecto_posts(id),
  CONSTRAINT ecto_comments_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.ecto_users(id));
CREATE TABLE public.ecto_permalinks (id BIGSERIAL PRIMARY KEY, uniform_resource_locator VARCHAR(200), post_id BIGINT, user_id BIGINT,
  CONSTRAINT ecto_permalinks_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.ecto_posts(id),
  CONSTRAINT ecto_permalinks_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.ecto_users(id));
CREATE TABLE public.ecto_posts_users (post_id BIGINT, user_id BIGINT,
  CONSTRAINT ecto_posts_users_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.ecto_posts(id),
  CONSTRAINT ecto_posts_users_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.ecto_users(id));
CREATE TABLE public.ecto_posts_users_pk (id BIGSERIAL PRIMARY KEY, post_id BIGINT, user_id BIGINT, inserted_at TIMESTAMP(6), updated_at TIMESTAMP(6),
  CONSTRAINT ecto_posts_users_pk_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.ecto_posts(id),
  CONSTRAINT ecto_posts_users_pk_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.ecto_users(id));
CREATE TABLE public.ecto_orders (id BIGSERIAL PRIMARY KEY, label VARCHAR(200), meta JSONB, item JSONB, items JSONB, permalink_id BIGINT,
  CONSTRAINT ecto_orders_permalink_id_fkey FOREIGN KEY (permalink_id) REFERENCES public.ecto_permalinks(id));
CREATE TABLE public.ecto_posts_users_composite_pk (user_id BIGINT, post_id BIGINT, inserted_at TIMESTAMP(6), updated_at TIMESTAMP(6),
  CONSTRAINT ecto_posts_users_composite_pk_pkey PRIMARY KEY (user_id, post_id),
  CONSTRAINT ecto_posts_users_composite_pk_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.ecto_users(id),
  CONSTRAINT ecto_posts_users_composite_pk_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.ecto_posts(id));
CREATE TABLE public.ecto_barebones (num INT);
CREATE TABLE public.ecto_composite_pk (a BIGINT, b BIGINT, name VARCHAR(200), CONSTRAINT ecto_composite_pk_pkey PRIMARY KEY (a, b));
CREATE TABLE public.ecto_raw_comments (id BIGSERIAL PRIMARY KEY, text VARCHAR(200), lock_version INT DEFAULT 1);
-- Not one of Ecto's schemas: a tree for the recursive common table expressions of EctoJoinsContract.
CREATE TABLE public.ecto_categories (id BIGSERIAL PRIMARY KEY, name VARCHAR(200), parent_id BIGINT);
CREATE TABLE public.ecto_usecs (id BIGSERIAL PRIMARY KEY, naive_datetime_usec TIMESTAMP(6), utc_datetime_usec TIMESTAMP(6));
CREATE UNIQUE INDEX ecto_permalinks_url_index ON public.ecto_permalinks (uniform_resource_locator);

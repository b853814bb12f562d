-- Seed data for the embedded database. The password of both users is "correct horse battery".
INSERT INTO users (name, email, password_hash, profile, inserted_at, updated_at) VALUES
  ('José', 'jose@example.com', 'pbkdf2:seed', '{"bio": "Creator of Elixir", "website": "https://elixir-lang.org"}' FORMAT JSON,
   TIMESTAMP '2026-01-01 10:00:00', TIMESTAMP '2026-01-01 10:00:00');
INSERT INTO posts (title, body, published, user_id, links, inserted_at, updated_at) VALUES
  ('Hello, schemas', 'Ecto.Schema, now in Spring Boot.', TRUE, 1, '[]' FORMAT JSON,
   TIMESTAMP '2026-01-02 10:00:00', TIMESTAMP '2026-01-02 10:00:00');
INSERT INTO comments (body, post_id, inserted_at) VALUES ('Welcome!', 1, TIMESTAMP '2026-01-02 11:00:00');
INSERT INTO tags (name) VALUES ('ecto'), ('spring');
INSERT INTO posts_tags (post_id, tag_id) VALUES (1, 1), (1, 2);
INSERT INTO acme.users (name, email, password_hash, inserted_at, updated_at) VALUES
  ('Acme Writer', 'writer@acme.example', 'pbkdf2:seed', TIMESTAMP '2026-01-01 10:00:00', TIMESTAMP '2026-01-01 10:00:00');

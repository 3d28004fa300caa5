-- sort=-updatedAt (the order of the Atom feed: newest change first) reads this index backwards, page by page.
CREATE INDEX ix_event_updated_at_id ON event (updated_at, id);

-- Normalization can meet damage it cannot repair (锟斤拷, U+FFFD): the text is kept as it is and
-- the document is flagged, so users can find and distrust such documents.
ALTER TABLE documents ADD COLUMN flags TEXT;

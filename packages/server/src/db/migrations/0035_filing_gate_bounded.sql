-- The abuse gate counts a subject's marks only up to its limit (docs/abuse.md): the newest `max` marks of the window,
-- an index walk of at most `max` entries. A subject over a `flag` limit (a busy shared address) keeps being marked,
-- and counting all its marks made every filing from it slower than the last. Whether it is at its limit, and when
-- it is under it again (the oldest of its newest `max` marks leaving the window), are the same as before.
CREATE OR REPLACE FUNCTION "filing_gate"(gate jsonb, idem jsonb, OUT gate_over jsonb, OUT repeat_of text)
  LANGUAGE plpgsql STABLE SET enable_seqscan = off AS $$
BEGIN
  gate_over := '[]'::jsonb;
  -- No gate (an app's filing), or a retry whose Idempotency-Key is stored: nothing to count.
  IF gate IS NULL OR (idem IS NOT NULL AND EXISTS (SELECT 1 FROM idempotency_keys k
      WHERE k.scope = idem->>'scope' AND k.key = idem->>'key')) THEN
    RETURN;
  END IF;
  SELECT coalesce(jsonb_agg(jsonb_build_object('index', l.ord - 1, 'oldest', c.oldest)), '[]'::jsonb)
    INTO gate_over
    FROM jsonb_array_elements(gate->'limits') WITH ORDINALITY l(v, ord)
    CROSS JOIN LATERAL (SELECT count(*) AS n, min(w.at) AS oldest FROM (SELECT m.at FROM filing_marks m
      WHERE m.key = l.v->>'key' AND m.at >= (l.v->>'since')::timestamptz
      ORDER BY m.at DESC LIMIT (l.v->>'max')::int) w) c
    WHERE c.n >= (l.v->>'max')::int AND ((l.v->>'refuse')::boolean OR NOT (gate->>'flagged')::boolean);
  IF gate->>'repeatSince' IS NOT NULL THEN
    SELECT r.tracking_id INTO repeat_of FROM filing_marks m JOIN reports r ON r.id = m.report_id
      WHERE m.text_key = gate->>'text' AND m.key IN (SELECT jsonb_array_elements(gate->'limits')->>'key')
        AND m.at >= (gate->>'repeatSince')::timestamptz
      ORDER BY m.at LIMIT 1;
  END IF;
END $$;

-- Speech segments move from seconds ({"start": 1.234, "end": 2.5}) to integer ms on the recording's
-- timeline ({"startMs": 1234, "endMs": 2500}), the unit of every other time on it. Only arrays whose
-- first segment still has a numeric "start" are converted; empty, already-converted or unreadable
-- values are left as they are.
UPDATE `round_analyses`
SET `segments_json` = (
  SELECT json_group_array(
    json_object(
      'startMs', CAST(round(json_extract(s.value, '$.start') * 1000) AS INTEGER),
      'endMs', CAST(round(json_extract(s.value, '$.end') * 1000) AS INTEGER)
    )
  )
  FROM (SELECT value FROM json_each(`round_analyses`.`segments_json`) ORDER BY key) AS s
)
WHERE json_valid(`segments_json`)
  AND json_type(`segments_json`) = 'array'
  AND json_array_length(`segments_json`) > 0
  AND json_type(`segments_json`, '$[0].start') IN ('integer', 'real');

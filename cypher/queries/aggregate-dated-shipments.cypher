// Shipment counts and value sums per year (or month) and per value of the dimensions asked for. The
// sender side's country is the country of departure, else of origin; the receiver's the destination.
// Dates are FtM's (2022, 2022-03, 2022-03-05): the year is their first four digits, the month the next two.
// With a date filter, both bounds always bound (the store passes the widest day for an open side), so that
// the planner can seek the shipment_date index; aggregate-shipments is the same without one. Keep them in step.
MATCH (s:Shipment)
WHERE s.dateEarliest <= date($to)
  AND s.dateLatest >= date($from)
  AND (NOT $byHsPrefix OR any(prefix IN $hsPrefixes WHERE s.hsCode STARTS WITH prefix))
  AND (size($tiers) = 0 OR s.chplTier IN $tiers)
  AND ($minValueUsd IS NULL OR s.valueUsd >= $minValueUsd)
  AND (NOT $chplOnly OR s.chplTier IS NOT NULL)
  AND (size($senderCountries) = 0 OR coalesce(s.departureCountry, s.originCountry) IN $senderCountries)
  AND (size($receiverCountries) = 0 OR s.destinationCountry IN $receiverCountries)
WITH s,
  toInteger(substring(s.date, 0, 4)) AS year,
  CASE WHEN $byMonth AND size(s.date) >= 7 THEN toInteger(substring(s.date, 5, 2)) END AS month,
  CASE WHEN $bySenderCountry THEN coalesce(s.departureCountry, s.originCountry) END AS senderCountry,
  CASE WHEN $byReceiverCountry THEN s.destinationCountry END AS receiverCountry,
  CASE WHEN $byHs6 AND size(s.hsCode) >= 6 THEN substring(s.hsCode, 0, 6) END AS hs6,
  CASE WHEN $byHs4 AND size(s.hsCode) >= 4 THEN substring(s.hsCode, 0, 4) END AS hs4,
  CASE WHEN $byChplTier THEN s.chplTier END AS chplTier
RETURN year, month, senderCountry, receiverCountry, hs6, hs4, chplTier,
  count(*) AS shipments, sum(coalesce(s.valueUsd, 0.0)) AS valueUsd, count(s.valueUsd) AS valuedShipments

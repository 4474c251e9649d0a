-- Reports (issue: reports per day/week/month): each report reads a range of business days from one
-- covering index per table, never the table rows. A year of a branch (500,000 tickets) then takes well
-- under the 2 s target (ReportBenchmark).
CREATE INDEX ticket_report ON ticket (business_day, service_id, counter_id, state, issued_at, called_at,
                                      serving_at, finished_at, transferred_from);
CREATE INDEX rating_report ON rating (business_day, service_id, counter_id, level);
CREATE INDEX dossier_by_result ON dossier (result_at);

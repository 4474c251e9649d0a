-- Counts over the waiting line (people ahead, estimates, the policy's pool) and the recent service
-- times of a service, without scanning the day's tickets.
CREATE INDEX ticket_waiting_by_service ON ticket (business_day, service_id, state, position_at, id);
CREATE INDEX ticket_done_by_service ON ticket (service_id, business_day, state, finished_at);

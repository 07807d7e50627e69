-- POST /api/v1/replies (JSON ingest) with a unique documentId per request: "<run>-t<thread>-<counter>", so every
-- request stores a new reply (201) instead of hitting idempotency (200, existing reply).
-- wrk ... -s ingest.lua <url> -- <reply-text.json> <user> <team> <run id>
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
dofile(here .. "report.lua")

local threads = {}
local next_thread = 0

function setup(thread)
  thread:set("thread_id", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

local counter = 0
local rest, team, run

function init(args)
  -- reply-text.json is {"subject":...,"text":...}: splice the per-request fields in front of it.
  rest = read_file(args[1]):gsub("^%s*{", "")
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-Dev-User"] = args[2]
  wrk.headers["X-Dev-Teams"] = args[3]
  team = args[3]
  run = args[4]
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"documentId":"bench-%s-t%d-%d","team":"%s","caseNumber":"FS-2026-%06d","receivedAt":"2026-03-%02dT09:%02d:00+01:00","sender":{"idType":"CPR","id":"0101901234"},%s',
    run, thread_id, counter, team, counter % 1000000, 2 + counter % 20, counter % 60, rest)
  return wrk.format(nil, nil, nil, body)
end

done = report

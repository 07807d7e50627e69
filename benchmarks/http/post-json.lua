-- POST a fixed JSON body (file given after "--": wrk ... -s post-json.lua <url> -- <body.json> <user> <teams>).
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
dofile(here .. "report.lua")

function init(args)
  wrk.method = "POST"
  wrk.body = read_file(args[1])
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-Dev-User"] = args[2]
  wrk.headers["X-Dev-Teams"] = args[3]
end

done = report

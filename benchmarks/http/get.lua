-- GET with the dev identity headers (wrk ... -s get.lua <url> -- <user> <teams>).
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
dofile(here .. "report.lua")

function init(args)
  wrk.headers["X-Dev-User"] = args[1]
  wrk.headers["X-Dev-Teams"] = args[2]
end

done = report

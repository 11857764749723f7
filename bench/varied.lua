-- wrk script: sends the lines of a file VariedQueries wrote, each request the next line, so that
-- every request of a run is a different query until the file is used up (then it starts again).
-- Every system gets the same sequence: thread N of T starts N/T of the way into the file, moved
-- on by K/(T*LOADS) of the file for the K-th load of a series, so that a load does not start with
-- the queries the one before it (on the same server) started with.
--
-- Usage: wrk -t2 -c16 -d15s --latency -s bench/varied.lua http://127.0.0.1:PORT -- \
--            FILE PATH [THREADS [K LOADS]]
--   FILE     a queries file (WORDS<TAB>CATEGORY per line) or a prefixes file (one per line)
--   PATH     the search path of the system: /api/search, /api/suggest (rapport-kb) or /search (peers)
--   THREADS  the -t of wrk (default 2), to space the threads' starting points evenly
--   K LOADS  this is load K (from 0) of LOADS on the same server (default 0 of 1)
-- Each line is sent as PATH?q=WORDS, with &category=CATEGORY when the line has one. (wrk builds one
-- request of its first thread to check the script, so that thread starts one line later: the
-- same for every system.)

local requests = {}
local counter = 0
local started = 0

-- Runs in wrk's main state once per thread, before that thread's init.
function setup(thread)
  thread:set("thread_number", started)
  started = started + 1
end

local function encode(text)
  return (string.gsub(text, "[^%w%-%._~ ]", function(c)
    return string.format("%%%02X", string.byte(c))
  end):gsub(" ", "+"))
end

function init(args)
  local file, path = args[1], args[2]
  local threads, k, loads = tonumber(args[3] or "2"), tonumber(args[4] or "0"), tonumber(args[5] or "1")
  if not file or not path then
    error("usage: -- FILE PATH [THREADS]")
  end
  for line in io.lines(file) do
    if line ~= "" and string.sub(line, 1, 1) ~= "#" then
      local words, category = string.match(line, "^([^\t]*)\t?(.*)$")
      local request = path .. "?q=" .. encode(words)
      if category ~= "" then
        request = request .. "&category=" .. encode(category)
      end
      table.insert(requests, request)
    end
  end
  if #requests == 0 then
    error("no query in " .. file)
  end
  counter = math.floor(((thread_number or 0) / threads + k / (threads * loads)) * #requests) % #requests
end

function request()
  counter = counter % #requests + 1
  return wrk.format("GET", requests[counter])
end

-- wrk script: sends the search queries of bench/queries.tsv (every kind but "suggest") in turn.
-- Usage: wrk -t2 -c16 -d15s --latency -s bench/search.lua http://127.0.0.1:PORT -- bench/queries.tsv [KINDS]
-- KINDS is a comma-separated list of kinds to send (default: word,phrase,filter,typo).

local paths = {}
local counter = 0

function init(args)
  local file = args[1] or "bench/queries.tsv"
  local kinds = {}
  for kind in string.gmatch(args[2] or "word,phrase,filter,typo", "[^,]+") do
    kinds[kind] = true
  end
  for line in io.lines(file) do
    local kind, path = string.match(line, "^(%a+)\t(%S+)")
    if kind and kinds[kind] then
      table.insert(paths, path)
    end
  end
  if #paths == 0 then
    error("no query of kinds " .. (args[2] or "") .. " in " .. file)
  end
  -- Threads start at different places in the mix.
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

-- wrk script of `make bench-api` (scripts/bench-api): POSTs pre-signed votes
-- (tests/bench/mkvotes.c) as application/xml and counts the answers by
-- status.
--   wrk -t T ... -s votes.lua URL -- BODIES PATH once|cycle T
-- BODIES holds records "LENGTH\n" + LENGTH bytes.  Thread k of T sends the
-- records k, k+T, k+2T, ...  "once": each record at most once (a vote's
-- nonce is single use); a thread that has sent all of its records stops and
-- is counted as exhausted, and the rate is then a lower bound.  "cycle":
-- round and round (the ceiling, which does not look at the body).
-- done() prints "status CODE N", "requests N", "duration_us N",
-- "p50_us N", "p99_us N", "max_us N", "socket_errors N" (connect, read,
-- write, timeout), "exhausted N", one a line, then
-- "sample CODE BODY": the first answer of each status other than 201.
local threads = {}

function setup(thread)
	table.insert(threads, thread)
	thread:set("id", #threads)
end

local reqs = {}
local nreq, nextreq = 0, 1
local once = true

function init(args)
	local f = assert(io.open(args[1], "rb"))
	local data = f:read("*a")
	f:close()
	once = args[3] ~= "cycle"
	local nthreads = tonumber(args[4])
	local headers = { ["Content-Type"] = "application/xml" }
	local pos, k = 1, 0
	while pos <= #data do
		local nl = data:find("\n", pos, true)
		if not nl then break end
		local len = tonumber(data:sub(pos, nl - 1))
		if k % nthreads == id - 1 then
			nreq = nreq + 1
			reqs[nreq] = wrk.format("POST", args[2], headers, data:sub(nl + 1, nl + len))
		end
		k = k + 1
		pos = nl + 1 + len
	end
	counts = {}
	samples = {}
	exhausted = 0
end

function request()
	if nextreq > nreq then
		if once then
			-- Out of votes: the last one goes again (the server answers
			-- 409) unless the thread stops first.
			exhausted = 1
			wrk.thread:stop()
			return reqs[nreq]
		end
		nextreq = 1
	end
	nextreq = nextreq + 1
	return reqs[nextreq - 1]
end

function response(status, headers, body)
	counts[status] = (counts[status] or 0) + 1
	if status ~= 201 and not samples[status] then
		samples[status] = body:gsub("%s+", " "):sub(1, 400)
	end
end

function done(summary, latency, requests)
	local total, sample, ex = {}, {}, 0
	for _, t in ipairs(threads) do
		for code, n in pairs(t:get("counts")) do
			total[code] = (total[code] or 0) + n
		end
		ex = ex + t:get("exhausted")
		for code, b in pairs(t:get("samples")) do
			sample[code] = b
		end
	end
	for code, n in pairs(total) do
		io.write(string.format("status %d %d\n", code, n))
	end
	io.write(string.format("requests %d\nduration_us %d\n", summary.requests, summary.duration))
	io.write(string.format("p50_us %d\np99_us %d\nmax_us %d\n", latency:percentile(50.0),
		latency:percentile(99.0), latency.max))
	local e = summary.errors
	io.write(string.format("socket_errors %d\n", e.connect + e.read + e.write + e.timeout))
	io.write(string.format("exhausted %d\n", ex))
	for code, b in pairs(sample) do
		io.write(string.format("sample %d %s\n", code, b))
	end
end

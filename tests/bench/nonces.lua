-- wrk script of `make bench-api` (scripts/bench-api): GET /api/challenge as
-- fast as it answers and write each nonce to OUT.<thread>, one a line.
--   wrk ... -s nonces.lua URL -- OUT
-- scripts/bench-api stops wrk (SIGINT) once the files hold enough.
local nthreads = 0

function setup(thread)
	nthreads = nthreads + 1
	thread:set("id", nthreads)
end

local out

function init(args)
	out = assert(io.open(args[1] .. "." .. id, "w"))
	out:setvbuf("line")
	wrk.method = "GET"
	wrk.path = "/api/challenge"
end

function response(status, headers, body)
	if status == 200 then
		local n = body:match('nonce="(%x+)"')
		if n then
			out:write(n, "\n")
		end
	end
end

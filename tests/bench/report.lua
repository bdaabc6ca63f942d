-- report.lua: a wrk script (wrk -s) that adds one machine-readable line to
-- wrk's own report, so tests/bench/bench.sh need not parse wrk's prose:
--   BENCH requests=N seconds=S rps=R p50_ms=A p90_ms=B p99_ms=C max_ms=D
--         bytes=N err_connect=N err_read=N err_write=N err_timeout=N non2xx3xx=N
-- It defines no request/response callbacks, so wrk keeps its fast C path.

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local function ms(us) return us / 1000.0 end
   local e = summary.errors
   io.write(string.format(
      "BENCH requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f "
         .. "bytes=%d err_connect=%d err_read=%d err_write=%d err_timeout=%d non2xx3xx=%d\n",
      summary.requests, seconds, seconds > 0 and summary.requests / seconds or 0,
      ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)),
      ms(latency.max), summary.bytes,
      e.connect, e.read, e.write, e.timeout, e.status))
end

using Microsoft.Azure.Functions.Worker;

namespace DataOps.Tests.Hosting.Functions;

public sealed class ConcurrencyProbe(InvocationRecorder recorder, ConcurrencyProbe.Counter counter, TimeProvider time)
{
    [Function(nameof(Probe))]
    public async Task Probe([QueueTrigger("%Test:OrderQueue%")] string text, CancellationToken cancellationToken)
    {
        counter.Enter();
        try
        {
            // Simulated work long enough for handlers of one batch to overlap.
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }
        finally
        {
            counter.Leave();
        }

        recorder.Record(nameof(Probe), text);
    }

    public sealed class Counter
    {
        private int _current;
        private int _max;

        public int Max => Volatile.Read(ref _max);

        public void Enter()
        {
            var now = Interlocked.Increment(ref _current);
            int seen;
            while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }
        }

        public void Leave() => Interlocked.Decrement(ref _current);
    }
}

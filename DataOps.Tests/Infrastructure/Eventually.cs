namespace DataOps.Tests.Infrastructure;

/// <summary>
/// The one way tests wait: poll a condition until it holds or a deadline passes, never a fixed sleep.
/// The short pause between probes only paces the polling; correctness comes from the deadline.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
        => HoldsAsync(() => Task.FromResult(condition()), what, timeout);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
        => await ValueAsync(condition, ok => ok, timeout ?? DefaultTimeout, what);

    /// <summary>Probes until <paramref name="done"/> accepts the value, and returns that value.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = default(T);
        while (true)
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout} waiting until {what}; last value: {last}");
            }

            await Task.Delay(Interval, TestContext.Current.CancellationToken);
        }
    }
}

namespace DataOps.LocalHost.Hosting;

/// <summary>
/// Settings of the blob lease that makes each timer schedule run on one host only, bound from
/// <c>host.json</c> <c>singleton</c>.
/// </summary>
internal sealed class SingletonOptions
{
    /// <summary>Lease duration of a timer's listener lock (15-60 s, default 15 s); renewed at a third of it.</summary>
    public TimeSpan ListenerLockPeriod { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a host without the lock tries to take it (default 10 s).</summary>
    public TimeSpan ListenerLockRecoveryPollingInterval { get; set; } = TimeSpan.FromSeconds(10);
}

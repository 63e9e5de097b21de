namespace DataOps.Glean.Http;

/// <summary>
/// Marks the Glean calls made in a scope as background work (the health sweep's probes, scheduled syncs): on the
/// indexing API they first take a permit from a bucket holding <see cref="GleanOptions.BackgroundShare"/> of the request
/// budget, then one from the budget itself, so background work never takes more than its share of Glean's requests per
/// second and work a person waits for (provisioning, validation) always finds the rest. The mark flows with the async
/// calls made inside the scope.
/// </summary>
public static class GleanTraffic
{
    private static readonly AsyncLocal<bool> Marked = new();

    /// <summary>Whether the calls made now are background work.</summary>
    public static bool IsBackground => Marked.Value;

    /// <summary>Marks the calls made until the returned scope is disposed as background work.</summary>
    /// <returns>The scope; disposing it restores the previous mark.</returns>
    public static IDisposable Background()
    {
        var previous = Marked.Value;
        Marked.Value = true;
        return new Scope(previous);
    }

    private sealed class Scope(bool previous) : IDisposable
    {
        public void Dispose() => Marked.Value = previous;
    }
}

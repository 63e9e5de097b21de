namespace DataOps.Glean.Metrics;

/// <summary>
/// Told of every sync, probe and query call the adapter makes for a connector, as it finishes; the app keeps the
/// per-connector figures from them. An observer's failure is logged by the adapter and never fails the call.
/// </summary>
public interface IConnectorCallObserver
{
    /// <summary>Records <paramref name="call"/>.</summary>
    Task ObserveAsync(ConnectorCall call, CancellationToken cancellationToken);
}

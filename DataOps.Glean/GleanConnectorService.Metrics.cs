using DataOps.Glean.Errors;
using DataOps.Glean.Metrics;
using DataOps.Glean.Model;

namespace DataOps.Glean;

internal sealed partial class GleanConnectorService
{
    /// <summary>A refusal about the connector is its own error; Glean failing, throttling or not answering is not.</summary>
    private static ConnectorCallOutcome OutcomeOf(GleanException ex)
        => ex.IsTransient ? ConnectorCallOutcome.Unavailable : ConnectorCallOutcome.Failed;

    /// <summary>Counts and times the call and hands it to the observers; their failures are logged, never thrown.</summary>
    private async Task ObserveAsync(GleanConnector connector, ConnectorCallKind kind, ConnectorCallOutcome outcome, TimeSpan duration, CancellationToken cancellationToken)
    {
        var call = new ConnectorCall(connector.DatasourceName, kind, outcome, duration, time.GetUtcNow());
        meter.Record(connector, call);
        foreach (var observer in observers)
        {
            try
            {
                await observer.ObserveAsync(call, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.ObserverFailed(logger, ex, connector.ConnectorName, GleanTelemetry.Wire(kind));
            }
        }
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using DataOps.Domain.Datasets;
using DataOps.Glean.Model;

namespace DataOps.Glean.Metrics;

/// <summary>The instruments of <see cref="GleanTelemetry"/>, on the container's meter factory.</summary>
internal sealed class ConnectorCallMeter
{
    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;

    public ConnectorCallMeter(IMeterFactory meters)
    {
        var meter = meters.Create(GleanTelemetry.MeterName);
        _calls = meter.CreateCounter<long>(GleanTelemetry.CallsInstrument, unit: "{call}", description: "Sync, probe and query calls made for connectors, by outcome.");
        _duration = meter.CreateHistogram<double>(GleanTelemetry.DurationInstrument, unit: "s", description: "Glean's answer time for connector calls.");
    }

    public void Record(GleanConnector connector, ConnectorCall call)
    {
        var tags = new TagList
        {
            { "dataops.call.kind", GleanTelemetry.Wire(call.Kind) },
            { "dataops.call.outcome", GleanTelemetry.Wire(call.Outcome) },
            { "dataops.stage", connector.Stage.ToWireName() },
            { "dataops.dataset_type", connector.DatasetType.ToWireName() },
        };
        _calls.Add(1, tags);
        _duration.Record(call.Duration.TotalSeconds, tags);
    }
}

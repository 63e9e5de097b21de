using System.Globalization;

namespace DataOps.Benchmarks.Durable;

/// <summary>
/// Engine throughput of the product's durable engine (the Durable Task Framework's Azure Storage provider with
/// host.json's settings, <see cref="ProductEngine"/>) in one host against a private Azurite
/// (<see cref="DurableEngineMeasurement"/>): sequential activities of one instance, fan-out activities, many small
/// orchestrations, and storage round trips per activity.
/// </summary>
public sealed class DurableBenchmarkSuite : IBenchmarkSuite
{
    public string Name => "durable";

    public string Description => "the product's durable engine on Azurite: sequential and fan-out activities/s, orchestrations/s, storage calls per activity";

    public async Task RunAsync(TextWriter output, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var (sequential, fanOut, many) = await DurableEngineMeasurement.RunAsync(cancellationToken);
        await output.WriteLineAsync($"sequential: {sequential.Seconds:F1} s, {sequential.StorageCalls} storage calls ({sequential.Traffic.Describe()})");
        await output.WriteLineAsync($"fan-out: {fanOut.Seconds:F1} s, {fanOut.StorageCalls} storage calls ({fanOut.Traffic.Describe()})");
        var rows = new List<(string Name, string Value, string Target)>
        {
            ("sequential activities/s (1 instance)", F(sequential.ActivitiesPerSecond), ">= 50"),
            ("storage round trips per sequential activity", F(sequential.CallsPerActivity), "<= 6"),
            ($"fan-out activities/s ({DurableEngineMeasurement.FanOutActivities} in one instance)", F(fanOut.ActivitiesPerSecond), ">= 300"),
            ("storage round trips per fan-out activity", F(fanOut.CallsPerActivity), "<= 6"),
            ($"orchestrations of 5 activities/s ({DurableEngineMeasurement.Orchestrations} instances)", F(DurableEngineMeasurement.Orchestrations / many.Seconds), "-"),
            ("storage round trips per activity (many orchestrations)", F(many.CallsPerActivity), "<= 6"),
        };

        await output.WriteLineAsync($"{"measure",-58} {"value",10} {"target",8}");
        foreach (var (name, value, target) in rows)
        {
            await output.WriteLineAsync($"{name,-58} {value,10} {target,8}");
        }
    }

    private static string F(double value) => value.ToString("F1", CultureInfo.InvariantCulture);
}

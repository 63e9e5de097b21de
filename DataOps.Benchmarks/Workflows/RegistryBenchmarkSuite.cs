using System.Globalization;

namespace DataOps.Benchmarks.Workflows;

/// <summary>
/// Registry reads with 10,000 datasets registered through the registry itself (claims, rows, index, audit): point
/// reads by id and the listings the API and the scans use, p50/p95 against a private Azurite
/// (<see cref="RegistryMeasurement"/>). <c>--quick</c> registers 1,000 instead.
/// </summary>
public sealed class RegistryBenchmarkSuite : IBenchmarkSuite
{
    /// <inheritdoc />
    public string Name => "registry";

    /// <inheritdoc />
    public string Description => "registry read latency (by id, by client, by journey, by status) with 10,000 datasets";

    /// <inheritdoc />
    public async Task RunAsync(TextWriter output, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var figures = await RegistryMeasurement.RunAsync(options.Quick ? RegistryMeasurement.QuickDatasets : RegistryMeasurement.FullDatasets, cancellationToken);
        if (options.Quick)
        {
            await output.WriteLineAsync($"--quick: {figures.Datasets} datasets, not the published 10,000");
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"seeded {figures.Datasets} datasets through the registry in {figures.Seeding.TotalSeconds:F1} s ({figures.Datasets / figures.Seeding.TotalSeconds:F0}/s, {figures.SeedingInFlight} in flight)"));
        await output.WriteLineAsync(Percentiles.Header);
        foreach (var (read, samples) in figures.Reads)
        {
            await output.WriteLineAsync(Percentiles.Row(read, samples));
        }
    }
}

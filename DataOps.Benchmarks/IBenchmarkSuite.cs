namespace DataOps.Benchmarks;

/// <summary>
/// A named benchmark suite. Suites are discovered by reflection, so adding one is adding a class.
/// Each suite starts what it needs (Azurite, the Glean emulator, hosts), prints a table of figures
/// and stops everything it started.
/// </summary>
public interface IBenchmarkSuite
{
    /// <summary>The name used on the command line (lower-case, e.g. <c>storage</c>).</summary>
    string Name { get; }

    /// <summary>One line saying what it measures.</summary>
    string Description { get; }

    /// <summary>Runs the suite and writes its figures to <paramref name="output"/>.</summary>
    Task RunAsync(TextWriter output, BenchmarkOptions options, CancellationToken cancellationToken);
}

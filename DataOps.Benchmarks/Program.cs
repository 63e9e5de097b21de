using System.Runtime.InteropServices;

namespace DataOps.Benchmarks;

/// <summary>Benchmark harness: <c>dotnet run -c Release --project DataOps.Benchmarks -- [suite ...|all] [--quick] [--size N] [--report PATH]</c>.</summary>
public static class Program
{
    /// <summary>Runs the named suites (all of them with <c>all</c>), or lists them.</summary>
    public static async Task<int> Main(string[] args)
    {
        var suites = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IBenchmarkSuite).IsAssignableFrom(t))
            .Select(t => (IBenchmarkSuite)Activator.CreateInstance(t)!)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

        var (options, names, error) = BenchmarkOptions.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }

        if (names.Count == 0)
        {
            Console.WriteLine("usage: dotnet run -c Release --project DataOps.Benchmarks -- <suite> [<suite> ...] | all  [--quick] [--size N] [--report PATH]");
            Console.WriteLine("  --quick        smaller sizes for development (figures not for publication)");
            Console.WriteLine("  --size N       build an estate of N datasets (estate)");
            Console.WriteLine("  --report PATH  also write the suite's summary as markdown (load)");
            foreach (var suite in suites)
            {
                Console.WriteLine($"  {suite.Name,-12} {suite.Description}");
            }

            return 0;
        }

        var selected = names.Contains("all", StringComparer.OrdinalIgnoreCase)
            ? suites
            : suites.Where(s => names.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        var unknown = names.Where(a => !a.Equals("all", StringComparison.OrdinalIgnoreCase) && suites.All(s => !s.Name.Equals(a, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync($"unknown suite(s): {string.Join(", ", unknown)}");
            return 2;
        }

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };

        // A stop request (SIGTERM) cancels like Ctrl+C, so each suite's finally blocks stop the Azurite, emulator and
        // host processes it started instead of leaving them to find their parent gone.
        using var stop = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; cts.Cancel(); });
        foreach (var suite in selected)
        {
            Console.WriteLine($"== {suite.Name}: {suite.Description}");
            try
            {
                await suite.RunAsync(Console.Out, options, cts.Token);
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                // Everything the suite started was stopped by its finally blocks on the way out.
                await Console.Error.WriteLineAsync($"{suite.Name}: cancelled");
                return 130;
            }

            Console.WriteLine();
        }

        return 0;
    }

}

namespace DataOps.Chaos;

/// <summary>
/// The chaos run: <c>scripts/chaos.sh [--short] [options]</c>. Exits 0 when every check passes, 1 on any violation,
/// 2 on a bad command line.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(ChaosOptions.Usage);
            return 0;
        }

        ChaosOptions options;
        try
        {
            options = ChaosOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync(ChaosOptions.Usage);
            return 2;
        }

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        var report = await new ChaosRun(options, Console.Out).ExecuteAsync(cts.Token);
        report.Print(Console.Out);
        return report.ViolationCount == 0 ? 0 : 1;
    }
}

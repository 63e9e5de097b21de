namespace DataOps.Benchmarks;

/// <summary>
/// Options after the suite names: <c>--quick</c> (smaller sizes for development; figures not for publication, and
/// every suite that honours it says so in its output) and <c>--report PATH</c> (a suite that writes a markdown
/// report writes it there).
/// </summary>
public sealed record BenchmarkOptions(bool Quick = false, string? ReportPath = null)
{
    /// <summary>Splits the command line into suite names and options; null with a message when an option is malformed.</summary>
    public static (BenchmarkOptions? Options, IReadOnlyList<string> Suites, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchmarkOptions();
        var suites = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    options = options with { Quick = true };
                    break;
                case "--report" when i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal):
                    options = options with { ReportPath = args[++i] };
                    break;
                case "--report":
                    return (null, suites, "--report needs a file path");
                case var other when other.StartsWith("--", StringComparison.Ordinal):
                    return (null, suites, $"unknown option {other}");
                default:
                    suites.Add(args[i]);
                    break;
            }
        }

        return (options, suites, null);
    }
}

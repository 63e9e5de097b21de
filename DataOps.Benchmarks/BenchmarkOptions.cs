namespace DataOps.Benchmarks;

/// <summary>
/// Options after the suite names: <c>--quick</c> (smaller sizes for development; figures not for publication, and
/// every suite that honours it says so in its output) and <c>--report PATH</c> (a suite that writes a markdown
/// report writes it there) and <c>--size N</c> (a suite that builds an estate builds one of N datasets instead of its
/// default, to see how a figure grows between the quick and the full size).
/// </summary>
public sealed record BenchmarkOptions(bool Quick = false, string? ReportPath = null, int? Size = null)
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
                case "--size" when i + 1 < args.Count && int.TryParse(args[i + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size) && size > 0:
                    options = options with { Size = size };
                    i++;
                    break;
                case "--size":
                    return (null, suites, "--size needs a positive whole number");
                case "--help" or "-h":
                    // No suite named: the harness prints its usage.
                    return (options, [], null);
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

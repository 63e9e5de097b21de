using System.Globalization;

namespace DataOps.Chaos;

/// <summary>What one chaos run does. <see cref="Full"/> is the run; <see cref="Short"/> the CI variant.</summary>
internal sealed record ChaosOptions
{
    /// <summary>Sandbox journeys submitted (2-4 dataset types each).</summary>
    public int Journeys { get; init; } = 50;

    /// <summary>Journeys that move on to pilot once their sandbox datasets are READY (their datasets must end ARCHIVED).</summary>
    public int Transitions { get; init; } = 20;

    /// <summary>SIGKILLs of a host (each followed by a restart).</summary>
    public int HostKills { get; init; } = 6;

    /// <summary>Whether Azurite is stopped and started again once during the run.</summary>
    public bool RestartAzurite { get; init; } = true;

    /// <summary>How long the emulator answers 20 % 5xx + 10 % 429.</summary>
    public TimeSpan FaultWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long Glean's search answers 503 to every request while one READY dataset's datasource reports unhealthy: longer
    /// than a quality check's retry budget and than a health-sweep interval (0: no outage). It starts once the fault window
    /// is over and a journey that stays is READY.
    /// </summary>
    public TimeSpan OutageWindow { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Journeys are submitted evenly over this window.</summary>
    public TimeSpan SubmitWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The faults (kills, restart, fault window) happen within this window from the start.</summary>
    public TimeSpan ChaosWindow { get; init; } = TimeSpan.FromSeconds(150);

    /// <summary>Teardown grace period the hosts run with.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the run may take to reach quiescence before it reports what is still pending.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(25);

    /// <summary>Seed of every random choice (types, moments, hosts); printed so a run can be repeated.</summary>
    public int Seed { get; init; } = 20261121;

    /// <summary>Folder for the run's logs (hosts, emulator) and Azurite's on-disk store.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>
    /// The run: 50 journeys, 20 transitions, 6 kills, an Azurite restart, 60 s of Glean faults, a 2-minute search
    /// outage with an unhealthy datasource, a provision that fails for good and is retried, a cancelled teardown.
    /// </summary>
    public static ChaosOptions Full { get; } = new();

    /// <summary>The CI variant: the same faults at a smaller scale (about four minutes).</summary>
    public static ChaosOptions Short { get; } = new()
    {
        Journeys = 6,
        Transitions = 3,
        HostKills = 2,
        FaultWindow = TimeSpan.FromSeconds(15),
        OutageWindow = TimeSpan.FromSeconds(80),
        SubmitWindow = TimeSpan.FromSeconds(8),
        ChaosWindow = TimeSpan.FromSeconds(40),
        GracePeriod = TimeSpan.FromSeconds(5),
        Deadline = TimeSpan.FromMinutes(8),
    };

    public const string Usage = """
        usage: dotnet DataOps.Chaos.dll [--short] [--journeys N] [--transitions N] [--kills N] [--no-azurite-restart]
                                        [--fault-seconds S] [--outage-seconds S] [--submit-seconds S] [--chaos-seconds S] [--grace-seconds S]
                                        [--deadline-minutes M] [--seed N] [--work-dir DIR]
        """;

    /// <summary>Reads the command line; throws <see cref="ArgumentException"/> naming the bad argument.</summary>
    public static ChaosOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = args.Contains("--short") ? Short : Full;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "--short":
                    break;
                case "--no-azurite-restart":
                    options = options with { RestartAzurite = false };
                    break;
                case "--journeys":
                    options = options with { Journeys = Int(args, ref i, 1, 1000) };
                    break;
                case "--transitions":
                    options = options with { Transitions = Int(args, ref i, 0, 1000) };
                    break;
                case "--kills":
                    options = options with { HostKills = Int(args, ref i, 0, 100) };
                    break;
                case "--fault-seconds":
                    options = options with { FaultWindow = TimeSpan.FromSeconds(Int(args, ref i, 0, 3600)) };
                    break;
                case "--outage-seconds":
                    options = options with { OutageWindow = TimeSpan.FromSeconds(Int(args, ref i, 0, 3600)) };
                    break;
                case "--submit-seconds":
                    options = options with { SubmitWindow = TimeSpan.FromSeconds(Int(args, ref i, 0, 3600)) };
                    break;
                case "--chaos-seconds":
                    options = options with { ChaosWindow = TimeSpan.FromSeconds(Int(args, ref i, 1, 3600)) };
                    break;
                case "--grace-seconds":
                    options = options with { GracePeriod = TimeSpan.FromSeconds(Int(args, ref i, 1, 3600)) };
                    break;
                case "--deadline-minutes":
                    options = options with { Deadline = TimeSpan.FromMinutes(Int(args, ref i, 1, 600)) };
                    break;
                case "--seed":
                    options = options with { Seed = Int(args, ref i, int.MinValue, int.MaxValue) };
                    break;
                case "--work-dir":
                    options = options with { WorkDirectory = Value(args, ref i) };
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{name}'");
            }
        }

        if (options.Transitions > options.Journeys)
        {
            throw new ArgumentException("--transitions cannot exceed --journeys");
        }

        if (options.Transitions == 0 || options.Transitions == options.Journeys)
        {
            // The failure paths need a journey that moves on (a teardown to cancel) and one that stays (a provision to fail and retry, a datasource to break).
            throw new ArgumentException("--transitions must be at least 1 and fewer than --journeys");
        }

        return options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count)
        {
            throw new ArgumentException($"{args[i]} needs a value");
        }

        return args[++i];
    }

    private static int Int(IReadOnlyList<string> args, ref int i, int min, int max)
    {
        var name = args[i];
        var text = Value(args, ref i);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{text}'");
        }

        return value;
    }
}

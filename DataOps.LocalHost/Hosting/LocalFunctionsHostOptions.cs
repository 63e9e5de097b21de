namespace DataOps.LocalHost.Hosting;

/// <summary>How <see cref="LocalFunctionsHost.CreateBuilder(LocalFunctionsHostOptions)"/> sets up the host.</summary>
internal sealed class LocalFunctionsHostOptions
{
    /// <summary>Command-line arguments; they override every other configuration source.</summary>
    public IReadOnlyList<string>? Args { get; init; }

    /// <summary>Where <c>host.json</c> and <c>local.settings.json</c> are looked for first (default: the current directory).</summary>
    public string? ContentRootPath { get; init; }

    /// <summary>Whether to read <c>local.settings.json</c> (default true).</summary>
    public bool LoadLocalSettings { get; init; } = true;

    /// <summary>Whether <c>local.settings.json</c> is also looked for in the repository root (the nearest directory with a solution file; default true).</summary>
    public bool SearchRepositoryRoot { get; init; } = true;
}


namespace DataOps.LocalHost.Hosting.Configuration;

/// <summary>
/// Builds the host configuration in Azure Functions order, later sources winning: built-in local defaults,
/// <c>host.json</c> (at the root, so <c>extensions:http:routePrefix</c>), <c>local.settings.json</c> values,
/// environment variables, command-line arguments.
/// </summary>
internal static class HostConfiguration
{
    /// <summary>Defaults for a machine without <c>local.settings.json</c>: Azurite and the local Glean emulator.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Glean:BaseUrl"] = "http://127.0.0.1:7081",
        ["extensions:durableTask:hubName"] = "DataOpsHub",
    };

    public static void Apply(ConfigurationManager configuration, LocalFunctionsHostOptions options, string contentRoot)
    {
        configuration.Sources.Clear();
        configuration.AddInMemoryCollection(Defaults);

        var hostJson = FindFile("host.json", [contentRoot, AppContext.BaseDirectory]);
        if (hostJson is not null)
        {
            configuration.AddJsonFile(hostJson, optional: false, reloadOnChange: false);
        }

        if (options.LoadLocalSettings)
        {
            var roots = new List<string> { contentRoot };
            if (options.SearchRepositoryRoot && FindRepositoryRoot(contentRoot) is { } repository)
            {
                roots.Add(repository);
            }

            if (FindFile("local.settings.json", roots) is { } localSettings)
            {
                ((IConfigurationBuilder)configuration).Add(new LocalSettingsConfigurationProvider(localSettings));
            }
        }

        configuration.AddEnvironmentVariables();
        if (options.Args is { Count: > 0 } args)
        {
            configuration.AddCommandLine([.. args]);
        }
    }

    private static string? FindFile(string name, IEnumerable<string> directories) =>
        directories.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    /// <summary>The nearest directory at or above the content root or the app directory holding a solution file.</summary>
    private static string? FindRepositoryRoot(string contentRoot)
    {
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (dir.EnumerateFiles("*.sln").Any() || dir.EnumerateFiles("*.slnx").Any())
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}

using System.Text.Json;
using DataOps.Glean;
using DataOps.GleanEmulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataOps.Tests.Glean;

public sealed class GleanAdapterConfigurationTests
{
    [Fact]
    public void SampleSettings_GleanTokens_AreAcceptedByTheEmulatorByDefault()
    {
        var values = SampleSettings();
        var emulator = new GleanEmulatorOptions();

        Assert.Equal(emulator.IndexingTokens, values["Glean__IndexingToken"]);
        Assert.Equal(emulator.ClientTokens, values["Glean__ClientToken"]);
        Assert.Equal(GleanEmulatorOptions.DefaultUrl, values["Glean__BaseUrl"]);
    }

    [Fact]
    public void AddGleanAdapter_EnvironmentStyleSettings_BindTheOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(SampleSettings().ToDictionary(kv => kv.Key.Replace("__", ":", StringComparison.Ordinal), kv => (string?)kv.Value))
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddGleanAdapter(configuration).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<GleanOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:7081"), options.BaseUrl);
        Assert.Equal("local-indexing-token", options.IndexingToken);
        Assert.Equal(1000, options.MaxDocumentsPerPage);
        Assert.Equal(30, options.IndexingRequestsPerSecond);
        Assert.Equal(5, options.SearchRequestsPerSecond);
        Assert.Equal(600, options.IndexDocumentsPerMinute);
        Assert.NotNull(provider.GetRequiredService<IGleanConnectorService>());
    }

    [Theory]
    [InlineData("MaxDocumentsPerPage", "1001", "MaxDocumentsPerPage")]
    [InlineData("CircuitFailureRatio", "0", "CircuitFailureRatio")]
    [InlineData("AttemptTimeout", "00:00:00", "AttemptTimeout")]
    [InlineData("TotalTimeout", "00:00:01", "TotalTimeout")]
    public void AddGleanAdapter_InvalidSetting_FailsNamingIt(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"Glean:{key}"] = value }).Build();
        using var provider = new ServiceCollection().AddLogging().AddGleanAdapter(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GleanOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> SampleSettings()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "local.settings.sample.json")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory.FullName, "local.settings.sample.json")));
        return json.RootElement.GetProperty("Values").EnumerateObject()
            .Where(p => p.Name.StartsWith("Glean__", StringComparison.Ordinal))
            .ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }
}

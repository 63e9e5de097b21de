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
    public void SampleSettings_GleanTokens_AreAcceptedByTheEmulatorByDefault_AndSearchAsTheValidationUser()
    {
        var values = SampleSettings();
        var emulator = new GleanEmulatorOptions();

        Assert.Equal(emulator.IndexingTokens, values["Glean__IndexingToken"]);
        Assert.Equal($"{values["Glean__ClientToken"]}={values["Glean__ValidationUser"]}", emulator.ClientTokens);
        Assert.Equal("User", values["Glean__ClientTokenType"]);
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

    [Theory]
    [InlineData(null, "http://127.0.0.1:7081", "Glean:ValidationUser is not set")]
    [InlineData("  ", "http://127.0.0.1:7081", "Glean:ValidationUser is not set")]
    [InlineData("validator", "http://127.0.0.1:7081", "is not an e-mail address")]
    [InlineData("dataops-validation@example.com", "https://acme-be.glean.com", "the local emulator's development user")]
    public void AddGleanAdapter_NoUsableSearchIdentity_IsRefusedAtStartSayingWhy(string? user, string baseUrl, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Glean:BaseUrl"] = baseUrl,
            ["Glean:ValidationUser"] = user,
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddGleanAdapter(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validator@acme.example.com", "https://acme-be.glean.com", "Global")]
    [InlineData("dataops-validation@example.com", "http://127.0.0.1:7081", "User")]
    public void AddGleanAdapter_ValidationUserForThisGlean_StartsAndBindsTheTokenType(string user, string baseUrl, string tokenType)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Glean:BaseUrl"] = baseUrl,
            ["Glean:ValidationUser"] = user,
            ["Glean:ClientTokenType"] = tokenType,
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddGleanAdapter(configuration).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(tokenType, provider.GetRequiredService<IOptions<GleanOptions>>().Value.ClientTokenType.ToString());
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

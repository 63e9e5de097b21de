using DataOps.LocalHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataOps.Tests.Hosting;

public sealed class HostConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("dataops-host-config");
    private readonly string _probe = "Probe" + Guid.NewGuid().ToString("N");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void CreateBuilder_AllSources_HostJsonThenLocalSettingsThenEnvironment()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "host.json"), $$"""
            { "version": "2.0", "{{_probe}}": { "A": "host", "B": "host", "C": "host" },
              "extensions": { "http": { "routePrefix": "fromhost" }, "queues": { "batchSize": 4, "messageEncoding": "none" } } }
            """);
        File.WriteAllText(Path.Combine(_root.FullName, "local.settings.json"), $$"""
            { "IsEncrypted": false, "Values": { "{{_probe}}__B": "local", "{{_probe}}__C": "local", "FunctionKeys__default": "k1" },
              "Host": { "LocalHttpPort": 7199 }, "ConnectionStrings": { "Other": "UseDevelopmentStorage=true" } }
            """);
        Environment.SetEnvironmentVariable($"{_probe}__C", "env");
        try
        {
            var builder = CreateBuilder(loadLocalSettings: true);

            Assert.Equal("host", builder.Configuration[$"{_probe}:A"]);
            Assert.Equal("local", builder.Configuration[$"{_probe}:B"]);
            Assert.Equal("env", builder.Configuration[$"{_probe}:C"]);
            Assert.Equal("k1", builder.Configuration["FunctionKeys:default"]);
            Assert.Equal("7199", builder.Configuration["Host:LocalHttpPort"]);
            Assert.Equal("UseDevelopmentStorage=true", builder.Configuration["ConnectionStrings:Other"]);
            Assert.Equal("fromhost", builder.Configuration["extensions:http:routePrefix"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable($"{_probe}__C", null);
        }
    }

    [Fact]
    public void Build_HostJsonExtensions_BindQueueAndHttpOptions()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "host.json"), """
            { "extensions": { "http": { "routePrefix": "", "maxRequestBodySize": 2048 },
              "queues": { "batchSize": 4, "newBatchThreshold": 1, "maxPollingInterval": "00:00:05", "visibilityTimeout": "00:00:10",
                          "maxDequeueCount": 3, "messageEncoding": "none" } } }
            """);
        using var host = CreateBuilder(loadLocalSettings: false).AddFunctions().Build();

        var queues = host.Services.GetRequiredService<IOptions<QueuesOptions>>().Value;
        var http = host.Services.GetRequiredService<IOptions<HttpOptions>>().Value;

        Assert.Equal((4, 1, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), 3, QueueMessageEncoding.None),
            (queues.BatchSize, queues.NewBatchThreshold, queues.MaxPollingInterval, queues.VisibilityTimeout, queues.MaxDequeueCount, queues.MessageEncoding));
        Assert.Equal((string.Empty, 2048L), (http.RoutePrefix, http.MaxRequestBodySize));
    }

    [Fact]
    public void CreateBuilder_NoLocalSettings_DefaultsToAzuriteAndLocalGlean()
    {
        var builder = CreateBuilder(loadLocalSettings: true);

        Assert.Equal("UseDevelopmentStorage=true", builder.Configuration["AzureWebJobsStorage"]);
        Assert.Equal("http://127.0.0.1:7081", builder.Configuration["Glean:BaseUrl"]);
    }

    [Fact]
    public void Build_HostJsonLogLevels_FilterLoggers()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "host.json"), """
            { "logging": { "logLevel": { "default": "Warning", "DataOps": "Debug" } } }
            """);
        using var host = CreateBuilder(loadLocalSettings: false).AddFunctions().Build();
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Other.Category").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Other.Category").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("DataOps.Registry").IsEnabled(LogLevel.Debug));
    }

    [Fact]
    public void CreateBuilder_LocalSettingsNotJson_FailsNamingTheFile()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "local.settings.json"), "{ \"Values\": ");

        var error = Assert.ThrowsAny<InvalidOperationException>(() => CreateBuilder(loadLocalSettings: true));

        Assert.Contains("local.settings.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_InvalidQueueSettings_FailsAtStart()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "host.json"), """{ "extensions": { "queues": { "batchSize": 64 } } }""");
        using var host = CreateBuilder(loadLocalSettings: false).AddFunctions().Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<QueuesOptions>>().Value);

        Assert.Contains("batchSize", error.Message, StringComparison.Ordinal);
    }

    private LocalFunctionsHostBuilder CreateBuilder(bool loadLocalSettings) =>
        LocalFunctionsHost.CreateBuilder(new LocalFunctionsHostOptions
        {
            ContentRootPath = _root.FullName,
            LoadLocalSettings = loadLocalSettings,
            SearchRepositoryRoot = false,
        });
}

using Azure.Core;
using DataOps.LocalHost.TaskHub;
using Microsoft.Extensions.Configuration;

namespace DataOps.Tests.LocalHost.TaskHub;

/// <summary>host.json's durable settings mapped to the Azure Storage provider's, and their validation.</summary>
public sealed class TaskHubSettingsMapperTests
{
    private const string DevConnection = "UseDevelopmentStorage=true";

    private static (TaskHubOptions Options, IConfiguration Configuration) Load(params (string Key, string? Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = DevConnection };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = new TaskHubOptions();
        configuration.GetSection(TaskHubOptions.SectionName).Bind(options);
        return (options, configuration);
    }

    [Fact]
    public void ToSettings_NothingConfigured_UsesDurableFunctionsDefaults()
    {
        var (options, configuration) = Load();

        var settings = TaskHubSettingsMapper.ToSettings(options, configuration);

        Assert.Equal("DataOpsHub", settings.TaskHubName);
        Assert.Equal(4, settings.PartitionCount);
        Assert.Equal(32, settings.ControlQueueBatchSize);
        Assert.Equal(256, settings.ControlQueueBufferThreshold);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.MaxQueuePollingInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.ControlQueueVisibilityTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.WorkItemQueueVisibilityTimeout);
        Assert.Equal(10 * Environment.ProcessorCount, settings.MaxConcurrentTaskActivityWorkItems);
        Assert.Equal(10 * Environment.ProcessorCount, settings.MaxConcurrentTaskOrchestrationWorkItems);
        Assert.False(settings.ExtendedSessionsEnabled);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.ExtendedSessionIdleTimeout);
        Assert.True(settings.UseAppLease);
        Assert.False(settings.UseTablePartitionManagement);
        Assert.False(settings.UseLegacyPartitionManagement);
        Assert.True(settings.FetchLargeMessageDataEnabled);
        Assert.True(settings.ThrowExceptionOnInvalidDedupeStatus);
        Assert.NotNull(settings.StorageAccountClientProvider);
        Assert.Equal(20, options.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromDays(3), options.MaxTimerInterval);
    }

    [Fact]
    public void ToSettings_EverySettingConfigured_MapsEachOne()
    {
        var (options, configuration) = Load(
            ("extensions:durableTask:hubName", "OtherHub7"),
            ("extensions:durableTask:storageProvider:partitionCount", "7"),
            ("extensions:durableTask:storageProvider:controlQueueBatchSize", "16"),
            ("extensions:durableTask:storageProvider:controlQueueBufferThreshold", "100"),
            ("extensions:durableTask:storageProvider:maxQueuePollingInterval", "00:00:02"),
            ("extensions:durableTask:storageProvider:controlQueueVisibilityTimeout", "00:02:00"),
            ("extensions:durableTask:storageProvider:workItemQueueVisibilityTimeout", "00:03:00"),
            ("extensions:durableTask:storageProvider:fetchLargeMessagesAutomatically", "false"),
            ("extensions:durableTask:storageProvider:useTablePartitionManagement", "true"),
            ("extensions:durableTask:storageProvider:trackingStoreNamePrefix", "Track"),
            ("extensions:durableTask:storageProvider:allowReplayingTerminalInstances", "true"),
            ("extensions:durableTask:maxConcurrentActivityFunctions", "3"),
            ("extensions:durableTask:maxConcurrentOrchestratorFunctions", "4"),
            ("extensions:durableTask:extendedSessionsEnabled", "true"),
            ("extensions:durableTask:extendedSessionIdleTimeoutInSeconds", "45"),
            ("extensions:durableTask:useAppLease", "false"),
            ("extensions:durableTask:maxDequeueCount", "9"),
            ("extensions:durableTask:maxTimerInterval", "1.00:00:00"));

        var settings = TaskHubSettingsMapper.ToSettings(options, configuration);

        Assert.Equal("OtherHub7", settings.TaskHubName);
        Assert.Equal(7, settings.PartitionCount);
        Assert.Equal(16, settings.ControlQueueBatchSize);
        Assert.Equal(100, settings.ControlQueueBufferThreshold);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.MaxQueuePollingInterval);
        Assert.Equal(TimeSpan.FromMinutes(2), settings.ControlQueueVisibilityTimeout);
        Assert.Equal(TimeSpan.FromMinutes(3), settings.WorkItemQueueVisibilityTimeout);
        Assert.False(settings.FetchLargeMessageDataEnabled);
        Assert.True(settings.UseTablePartitionManagement);
        Assert.Equal("Track", settings.TrackingStoreNamePrefix);
        Assert.True(settings.AllowReplayingTerminalInstances);
        Assert.Equal(3, settings.MaxConcurrentTaskActivityWorkItems);
        Assert.Equal(4, settings.MaxConcurrentTaskOrchestrationWorkItems);
        Assert.True(settings.ExtendedSessionsEnabled);
        Assert.Equal(TimeSpan.FromSeconds(45), settings.ExtendedSessionIdleTimeout);
        Assert.False(settings.UseAppLease);
        Assert.Equal(9, options.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromDays(1), options.MaxTimerInterval);
    }

    [Fact]
    public void ToSettings_RepositoryHostJson_Maps()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot(), "host.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = DevConnection })
            .Build();
        // host.json's keys sit under "extensions:durableTask" once loaded, as in the Functions host.
        var options = new TaskHubOptions();
        configuration.GetSection(TaskHubOptions.SectionName).Bind(options);

        var settings = TaskHubSettingsMapper.ToSettings(options, configuration);

        Assert.Equal("DataOpsHub", settings.TaskHubName);
        Assert.Equal(4, settings.PartitionCount);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.MaxQueuePollingInterval);
        Assert.Equal(32, settings.MaxConcurrentTaskActivityWorkItems);
        Assert.Equal(32, settings.MaxConcurrentTaskOrchestrationWorkItems);
        Assert.True(settings.ExtendedSessionsEnabled);
        Assert.False(settings.UseTablePartitionManagement);
        Assert.Equal(20, options.MaxDequeueCount);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1hub")]
    [InlineData("my-hub")]
    [InlineData("hub_name")]
    [InlineData("")]
    [InlineData("H23456789012345678901234567890123456789012345678901")]
    public void Validate_InvalidHubName_NamesTheSetting(string hubName)
    {
        var (options, _) = Load(("extensions:durableTask:hubName", hubName));
        options.HubName = hubName;

        var error = Assert.Throws<InvalidOperationException>(() => TaskHubSettingsMapper.Validate(options));

        Assert.Contains("extensions:durableTask:hubName", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("DataOpsHub")]
    [InlineData("H2345678901234567890123456789012345678901234567890")]
    public void IsValidHubName_ValidName_True(string hubName) => Assert.True(TaskHubSettingsMapper.IsValidHubName(hubName));

    [Theory]
    [InlineData("storageProvider:partitionCount", "0")]
    [InlineData("storageProvider:partitionCount", "17")]
    [InlineData("storageProvider:controlQueueBatchSize", "33")]
    [InlineData("storageProvider:controlQueueBufferThreshold", "1001")]
    [InlineData("storageProvider:maxQueuePollingInterval", "00:00:00")]
    [InlineData("storageProvider:controlQueueVisibilityTimeout", "00:00:30")]
    [InlineData("storageProvider:workItemQueueVisibilityTimeout", "00:00:00")]
    [InlineData("maxConcurrentActivityFunctions", "0")]
    [InlineData("maxConcurrentOrchestratorFunctions", "-1")]
    [InlineData("maxDequeueCount", "0")]
    [InlineData("maxTimerInterval", "7.00:00:00")]
    public void Validate_OutOfRange_NamesTheSetting(string setting, string value)
    {
        var (options, _) = Load(($"extensions:durableTask:{setting}", value));

        var error = Assert.Throws<InvalidOperationException>(() => TaskHubSettingsMapper.Validate(options));

        Assert.Contains($"extensions:durableTask:{setting} must", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralInvalid_ReportsAll()
    {
        var (options, _) = Load(
            ("extensions:durableTask:hubName", "x"),
            ("extensions:durableTask:storageProvider:partitionCount", "99"));

        var error = Assert.Throws<InvalidOperationException>(() => TaskHubSettingsMapper.Validate(options));

        Assert.Contains("hubName", error.Message, StringComparison.Ordinal);
        Assert.Contains("partitionCount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateClientProvider_NoConnection_ThrowsNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(
            () => TaskHubSettingsMapper.CreateClientProvider(configuration, "AzureWebJobsStorage", credential: null));

        Assert.Contains("'AzureWebJobsStorage'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateClientProvider_ConnectionStringsSection_IsUsed()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:AzureWebJobsStorage"] = DevConnection })
            .Build();

        Assert.NotNull(TaskHubSettingsMapper.CreateClientProvider(configuration, "AzureWebJobsStorage", credential: null));
    }

    [Fact]
    public void CreateClientProvider_IdentityBasedWithCredential_UsesServiceUris()
    {
        var configuration = Identity();

        var provider = TaskHubSettingsMapper.CreateClientProvider(configuration, "AzureWebJobsStorage", new FakeCredential());

        var queues = provider.Queue.CreateClient(provider.Queue.CreateOptions());
        Assert.Equal(new Uri("https://acct.queue.core.windows.net/"), queues.Uri);
    }

    [Fact]
    public void CreateClientProvider_IdentityBasedWithoutCredential_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => TaskHubSettingsMapper.CreateClientProvider(Identity(), "AzureWebJobsStorage", credential: null));

        Assert.Contains("TokenCredential", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Identity() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://acct.blob.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://acct.queue.core.windows.net",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://acct.table.core.windows.net",
        })
        .Build();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "host.json")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("host.json not found above the test output.");
    }

    private sealed class FakeCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}

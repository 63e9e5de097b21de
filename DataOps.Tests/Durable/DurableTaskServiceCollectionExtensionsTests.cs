using DataOps.Durable;
using DataOps.Durable.Client;
using DataOps.Tests.Durable.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataOps.Tests.Durable;

public sealed class DurableTaskServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDurableTask_HostJsonKeys_BindOptionsAndConnectionString()
    {
        var provider = Build(new Dictionary<string, string?>
        {
            ["extensions:durableTask:hubName"] = "OpsHub",
            ["extensions:durableTask:storageProvider:partitionCount"] = "8",
            ["extensions:durableTask:maxConcurrentActivityFunctions"] = "7",
            ["extensions:durableTask:maxConcurrentOrchestratorFunctions"] = "3",
            ["extensions:durableTask:maxDequeueCount"] = "9",
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true;",
        });

        var options = provider.GetRequiredService<IOptions<DurableTaskOptions>>().Value;

        Assert.Equal("OpsHub", options.HubName);
        Assert.Equal(8, options.StorageProvider.PartitionCount);
        Assert.Equal(7, options.MaxConcurrentActivityFunctions);
        Assert.Equal(3, options.MaxConcurrentOrchestratorFunctions);
        Assert.Equal(9, options.MaxDequeueCount);
        Assert.Equal("UseDevelopmentStorage=true;", options.ConnectionString);
        Assert.NotNull(provider.GetRequiredService<DurableTaskClient>());
    }

    [Theory]
    [InlineData("extensions:durableTask:hubName", "bad-name!", "HubName")]
    [InlineData("extensions:durableTask:storageProvider:partitionCount", "17", "PartitionCount")]
    [InlineData("extensions:durableTask:maxDequeueCount", "0", "MaxDequeueCount")]
    public void AddDurableTask_InvalidSetting_FailsNamingIt(string key, string value, string expected)
    {
        var provider = Build(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DurableTaskOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTasks_Assembly_RegistersByClassNameAndAttributeName()
    {
        var builder = new ServiceCollection().AddDurableTask();

        builder.AddTasks(typeof(DurableTaskServiceCollectionExtensionsTests).Assembly, t => t.DeclaringType == typeof(TestTasks) || t == typeof(Renamed));

        Assert.True(builder.Registry.TryGetOrchestrator(nameof(TestTasks.Sequence), out _));
        Assert.True(builder.Registry.TryGetActivity(nameof(TestTasks.Append), out _));
        Assert.True(builder.Registry.TryGetActivity("renamed-activity", out var renamed));
        Assert.Equal(typeof(Renamed), renamed);
        Assert.False(builder.Registry.TryGetOrchestrator("Versioned", out _));
    }

    [Fact]
    public void AddOrchestrator_NameTakenByAnotherType_Throws()
    {
        var builder = new ServiceCollection().AddDurableTask().AddOrchestrator("Flow", typeof(TestTasks.Sequence));

        var error = Assert.Throws<ArgumentException>(() => builder.AddOrchestrator("flow", typeof(TestTasks.Parent)));

        Assert.Contains("already registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddActivity_NotAnActivity_Throws()
    {
        var builder = new ServiceCollection().AddDurableTask();

        Assert.Throws<ArgumentException>(() => builder.AddActivity("x", typeof(TestTasks.Sequence)));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddDurableTask();
        return services.BuildServiceProvider();
    }

    [DurableTask("renamed-activity")]
    public sealed class Renamed : TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(input);
    }
}

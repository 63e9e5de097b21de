using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DataOps.Functions.Storage;
using DataOps.Testing;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Tests.Functions.Storage;

public sealed class StorageRegistrationTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddDataOpsStorage_ConnectionString_ClientsReachThatAccount()
    {
        await using var services = Provider(new() { ["AzureWebJobsStorage"] = azurite.ConnectionString });
        var table = AzuriteFixture.UniqueName("reg");

        await services.GetRequiredService<TableServiceClient>().CreateTableIfNotExistsAsync(table, Ct);
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(table);
        await queue.CreateIfNotExistsAsync(cancellationToken: Ct);
        var container = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(table);
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);

        Assert.True((await queue.ExistsAsync(Ct)).Value);
        Assert.True((await container.ExistsAsync(Ct)).Value);
        await services.GetRequiredService<TableServiceClient>().DeleteTableAsync(table, Ct);
        await queue.DeleteAsync(Ct);
        await container.DeleteAsync(cancellationToken: Ct);
    }

    [Fact]
    public async Task AddDataOpsStorage_IdentityBasedSection_ClientsUseTheServiceUris()
    {
        // As in Azure Functions: AzureWebJobsStorage__blobServiceUri etc. instead of a connection string.
        await using var services = Provider(new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://account.blob.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://account.queue.core.windows.net",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://account.table.core.windows.net",
        });

        Assert.Equal("account.blob.core.windows.net", services.GetRequiredService<BlobServiceClient>().Uri.Host);
        Assert.Equal("account.queue.core.windows.net", services.GetRequiredService<QueueServiceClient>().Uri.Host);
        Assert.Equal("account.table.core.windows.net", services.GetRequiredService<TableServiceClient>().Uri.Host);
    }

    [Fact]
    public async Task AddDataOpsStorage_AccountNameOnly_ClientsUseThePublicEndpoints()
    {
        await using var services = Provider(new() { ["AzureWebJobsStorage:accountName"] = "dataops", ["AzureWebJobsStorage:credential"] = "managedidentity" });

        Assert.Equal(new Uri("https://dataops.blob.core.windows.net/"), services.GetRequiredService<BlobServiceClient>().Uri);
        Assert.Equal(new Uri("https://dataops.table.core.windows.net/"), services.GetRequiredService<TableServiceClient>().Uri);
    }

    [Fact]
    public void AddDataOpsStorage_SectionWithoutEndpoint_ThrowsNamingWhatIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Provider(new() { ["AzureWebJobsStorage:credential"] = "managedidentity" }));

        Assert.Contains("tableServiceUri or accountName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDataOpsStorage_SettingMissing_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Provider([]));

        Assert.Contains("'AzureWebJobsStorage'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDataOpsStorage_ConnectionStringsSection_IsTheFallback()
    {
        await using var services = Provider(new() { ["ConnectionStrings:AzureWebJobsStorage"] = azurite.ConnectionString });

        Assert.Equal(azurite.BlobEndpoint.Port, services.GetRequiredService<BlobServiceClient>().Uri.Port);
    }

    [Fact]
    public async Task AddDataOpsStorage_CalledTwice_RegistersEachClientOnce()
    {
        var configuration = Configuration(new() { ["AzureWebJobsStorage"] = azurite.ConnectionString });
        var collection = new ServiceCollection().AddDataOpsStorage(configuration).AddDataOpsStorage(configuration);
        await using var services = collection.BuildServiceProvider();

        Assert.Single(services.GetServices<TableServiceClient>());
    }

    [Fact]
    public async Task AddDataOpsStorage_StorageUnreachable_RetriesThenThrowsRequestFailedWithStatusZero()
    {
        // Every caller treats a RequestFailedException as a storage fault and keeps going; the SDK itself would
        // report the exhausted retries as an AggregateException, which those callers would not catch.
        await using var services = Provider(new() { ["AzureWebJobsStorage"] = AzuriteProcess.ConnectionStringFor(PortAllocator.GetFreePorts(3)) });
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient("unreachable");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => queue.ExistsAsync(Ct));

        Assert.Equal(0, error.Status);
        Assert.Equal(5, Assert.IsType<AggregateException>(error.InnerException).InnerExceptions.Count);
        Assert.DoesNotContain("AccountKey", error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddDataOpsStorage(Configuration(settings)).BuildServiceProvider();

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}

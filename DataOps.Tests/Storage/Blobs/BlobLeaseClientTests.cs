using System.Diagnostics;
using Azure;
using DataOps.Storage.Blobs;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Storage.Blobs;

public sealed class BlobLeaseClientTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan MinimumLease = TimeSpan.FromSeconds(15);

    private readonly BlobContainerClient _container =
        new BlobServiceClient(azurite.ConnectionString, StorageTestOptions.Fast()).GetBlobContainerClient(AzuriteFixture.UniqueName("lease"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _container.CreateIfNotExistsAsync(Ct);

    public async ValueTask DisposeAsync() => await _container.DeleteIfExistsAsync();

    private async Task<BlobClient> NewBlobAsync(string name)
    {
        var blob = _container.GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromString("owner"), cancellationToken: Ct);
        return blob;
    }

    [Fact]
    public async Task AcquireAsync_SecondOwner_Throws409LeaseAlreadyPresent()
    {
        var blob = await NewBlobAsync("partition-00");
        var first = blob.GetBlobLeaseClient();
        var second = blob.GetBlobLeaseClient();

        var lease = await first.AcquireAsync(MinimumLease, Ct);
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => second.AcquireAsync(MinimumLease, Ct));

        Assert.Equal(first.LeaseId, lease.Value.LeaseId);
        Assert.Equal(409, ex.Status);
        Assert.Equal("LeaseAlreadyPresent", ex.ErrorCode);
        Assert.Equal("leased", (await blob.GetPropertiesAsync(Ct)).Value.LeaseState);
    }

    [Fact]
    public async Task UploadAsync_LeasedBlob_RequiresTheLeaseId()
    {
        var blob = await NewBlobAsync("guarded");
        var lease = blob.GetBlobLeaseClient();
        await lease.AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration, Ct);

        var withoutLease = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("x"), overwrite: true, Ct));
        var wrongLease = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(
            BinaryData.FromString("x"), new BlobUploadOptions { Conditions = new() { LeaseId = Guid.NewGuid().ToString() } }, Ct));
        await blob.UploadAsync(BinaryData.FromString("mine"), new BlobUploadOptions { Conditions = new() { LeaseId = lease.LeaseId } }, Ct);

        Assert.Equal(412, withoutLease.Status);
        Assert.Equal("LeaseIdMissing", withoutLease.ErrorCode);
        Assert.Equal(412, wrongLease.Status);
        Assert.Equal("mine", (await blob.DownloadContentAsync(Ct)).Value.Content.ToString());
        await Assert.ThrowsAsync<RequestFailedException>(() => blob.DeleteIfExistsAsync(cancellationToken: Ct));
        Assert.True((await blob.DeleteIfExistsAsync(new BlobRequestConditions { LeaseId = lease.LeaseId }, Ct)).Value);
    }

    [Fact]
    public async Task ReleaseAsync_HeldLease_LetsAnotherOwnerAcquire()
    {
        var blob = await NewBlobAsync("release");
        var first = blob.GetBlobLeaseClient();
        await first.AcquireAsync(MinimumLease, Ct);
        await first.RenewAsync(Ct);

        await first.ReleaseAsync(Ct);
        var second = blob.GetBlobLeaseClient();
        await second.AcquireAsync(MinimumLease, Ct);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => first.RenewAsync(Ct));
        Assert.Equal(409, ex.Status);
    }

    [Fact]
    public async Task BreakAsync_ZeroPeriod_BreaksAtOnceAndAnotherOwnerAcquires()
    {
        var blob = await NewBlobAsync("break");
        var dead = blob.GetBlobLeaseClient();
        await dead.AcquireAsync(TimeSpan.FromSeconds(60), Ct);

        var broken = await blob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero, Ct);
        var next = blob.GetBlobLeaseClient();
        await next.AcquireAsync(MinimumLease, Ct);

        Assert.Equal(0, broken.Value.LeaseTime);
        await Assert.ThrowsAsync<RequestFailedException>(() => dead.RenewAsync(Ct));
    }

    [Fact]
    public async Task BreakAsync_WithPeriod_LeaseStaysExclusiveUntilPeriodEnds()
    {
        var blob = await NewBlobAsync("breaking");
        await blob.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(60), Ct);
        var clock = Stopwatch.StartNew();

        var breaking = await blob.GetBlobLeaseClient().BreakAsync(TimeSpan.FromSeconds(2), Ct);
        var contender = blob.GetBlobLeaseClient();
        var early = await Assert.ThrowsAsync<RequestFailedException>(() => contender.AcquireAsync(MinimumLease, Ct));
        await PollUntilAcquiredAsync(contender, TimeSpan.FromSeconds(30));

        Assert.InRange(breaking.Value.LeaseTime ?? -1, 1, 2);
        Assert.Equal(409, early.Status);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"acquired after {clock.Elapsed} although the break period was 2 s");
    }

    [Fact]
    public async Task AcquireAsync_LeaseNotRenewed_ExpiresAfterItsDuration()
    {
        var blob = await NewBlobAsync("expiry");
        await blob.GetBlobLeaseClient().AcquireAsync(MinimumLease, Ct);
        var clock = Stopwatch.StartNew();

        var contender = blob.GetBlobLeaseClient();
        await PollUntilAcquiredAsync(contender, TimeSpan.FromSeconds(45));

        Assert.True(clock.Elapsed >= MinimumLease - TimeSpan.FromSeconds(2), $"a 15 s lease was taken over after {clock.Elapsed}");
    }

    [Fact]
    public async Task ChangeAsync_HeldLease_NewIdOwnsTheLease()
    {
        var blob = await NewBlobAsync("change");
        var lease = blob.GetBlobLeaseClient();
        await lease.AcquireAsync(MinimumLease, Ct);
        var newId = Guid.NewGuid().ToString();

        await lease.ChangeAsync(newId, Ct);

        Assert.Equal(newId, lease.LeaseId);
        await blob.GetBlobLeaseClient(newId).RenewAsync(Ct);
        await lease.ReleaseAsync(Ct);
    }

    [Fact]
    public async Task ContainerLease_SecondOwner_IsRefusedUntilReleased()
    {
        var first = _container.GetBlobLeaseClient();
        var second = _container.GetBlobLeaseClient();
        await first.AcquireAsync(MinimumLease, Ct);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => second.AcquireAsync(MinimumLease, Ct));
        await first.ReleaseAsync(Ct);
        await second.AcquireAsync(MinimumLease, Ct);
        await second.ReleaseAsync(Ct);

        Assert.Equal(409, ex.Status);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(61)]
    [InlineData(0)]
    public async Task AcquireAsync_DurationOutOfRange_ThrowsArgumentOutOfRange(int seconds)
    {
        var lease = _container.GetBlobClient("x").GetBlobLeaseClient();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => lease.AcquireAsync(TimeSpan.FromSeconds(seconds), Ct));
    }

    private static async Task PollUntilAcquiredAsync(BlobLeaseClient lease, TimeSpan deadline)
    {
        await Eventually.HoldsAsync(
            async () =>
            {
                try
                {
                    await lease.AcquireAsync(MinimumLease, Ct);
                    return true;
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    return false;
                }
            },
            "the expired lease can be acquired again",
            deadline);
    }
}

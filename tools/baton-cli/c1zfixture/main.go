// Command c1zfixture writes a small v1 (SQLite) c1z with known content through baton-sdk v0.25.0's own
// store, so the Java tests can prove they read what the Go SDK writes.
//
// Usage: c1zfixture <file.c1z>
//
// It prints one JSON line on stdout: {"sync_id": "..."}. The content is fixed (see put below) and
// mirrored by GoWrittenFileTest in baton-sdk's interop tests; change both together.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	v2 "github.com/conductorone/baton-sdk/pb/c1/connector/v2"
	"github.com/conductorone/baton-sdk/pkg/connectorstore"
	"github.com/conductorone/baton-sdk/pkg/dotc1z"
	"github.com/conductorone/baton-sdk/pkg/dotc1z/c1zstore"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: c1zfixture <file.c1z>")
		os.Exit(2)
	}
	syncID, err := write(context.Background(), os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "c1zfixture:", err)
		os.Exit(1)
	}
	out, _ := json.Marshal(map[string]string{"sync_id": syncID})
	fmt.Println(string(out))
}

func write(ctx context.Context, path string) (string, error) {
	tmp, err := os.MkdirTemp("", "c1zfixture")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)

	// v0.25.0's NewStore defaults new files to Pebble (v3); the SQLite engine keeps the v1 format.
	store, err := dotc1z.NewStore(ctx, path, dotc1z.WithEngine(c1zstore.EngineSQLite), dotc1z.WithTmpDir(tmp))
	if err != nil {
		return "", fmt.Errorf("open: %w", err)
	}
	syncID, err := store.StartNewSync(ctx, connectorstore.SyncTypeFull, "")
	if err != nil {
		_ = store.Close(ctx)
		return "", fmt.Errorf("start sync: %w", err)
	}
	if err := put(ctx, store); err != nil {
		_ = store.Close(ctx)
		return "", err
	}
	if err := store.CheckpointSync(ctx, `{"completed_actions_count":7,"version":1}`); err != nil {
		_ = store.Close(ctx)
		return "", fmt.Errorf("checkpoint: %w", err)
	}
	if err := store.SyncMeta().MarkSyncSupportsDiff(ctx, syncID); err != nil {
		_ = store.Close(ctx)
		return "", fmt.Errorf("supports diff: %w", err)
	}
	if err := store.EndSync(ctx); err != nil {
		_ = store.Close(ctx)
		return "", fmt.Errorf("end sync: %w", err)
	}
	if err := store.Close(ctx); err != nil {
		return "", fmt.Errorf("close: %w", err)
	}
	return syncID, nil
}

func put(ctx context.Context, store c1zstore.Store) error {
	userType := v2.ResourceType_builder{
		Id: "user", DisplayName: "User", Traits: []v2.ResourceType_Trait{v2.ResourceType_TRAIT_USER},
	}.Build()
	groupType := v2.ResourceType_builder{
		Id: "group", DisplayName: "Group", Traits: []v2.ResourceType_Trait{v2.ResourceType_TRAIT_GROUP},
	}.Build()
	databaseType := v2.ResourceType_builder{Id: "database", DisplayName: "Database"}.Build()
	schemaType := v2.ResourceType_builder{Id: "schema", DisplayName: "Schema"}.Build()
	if err := store.PutResourceTypes(ctx, userType, groupType, databaseType, schemaType); err != nil {
		return fmt.Errorf("resource types: %w", err)
	}

	alice := resource("user", "1", "Alice", nil, userTrait("alice@example.com"))
	bob := resource("user", "2", "Bob", nil, userTrait("bob@example.com"))
	analysts := resource("group", "10", "Analysts", nil, must(anypb.New(&v2.GroupTrait{})))
	sales := resource("database", "3", "Sales", nil)
	salesPublic := resource("schema", "3/public", "public", sales.GetId())
	if err := store.PutResources(ctx, alice, bob, analysts, sales, salesPublic); err != nil {
		return fmt.Errorf("resources: %w", err)
	}

	member := entitlement(analysts, "member", userType)
	access := entitlement(sales, "access", userType, groupType)
	if err := store.PutEntitlements(ctx, member, access); err != nil {
		return fmt.Errorf("entitlements: %w", err)
	}

	expandable := must(anypb.New(v2.GrantExpandable_builder{
		EntitlementIds: []string{member.GetId()},
		Shallow:        true,
	}.Build()))
	if err := store.PutGrants(ctx,
		grant(member, alice),
		grant(member, bob),
		grant(access, analysts, expandable),
	); err != nil {
		return fmt.Errorf("grants: %w", err)
	}
	return nil
}

func resource(typ, id, name string, parent *v2.ResourceId, annos ...*anypb.Any) *v2.Resource {
	return v2.Resource_builder{
		Id:               v2.ResourceId_builder{ResourceType: typ, Resource: id}.Build(),
		ParentResourceId: parent,
		DisplayName:      name,
		Annotations:      annos,
	}.Build()
}

func userTrait(email string) *anypb.Any {
	return must(anypb.New(v2.UserTrait_builder{
		Emails: []*v2.UserTrait_Email{v2.UserTrait_Email_builder{Address: email, IsPrimary: true}.Build()},
		Status: v2.UserTrait_Status_builder{Status: v2.UserTrait_Status_STATUS_ENABLED}.Build(),
		Login:  email,
	}.Build()))
}

func entitlement(r *v2.Resource, slug string, grantableTo ...*v2.ResourceType) *v2.Entitlement {
	return v2.Entitlement_builder{
		Resource:    proto.Clone(r).(*v2.Resource),
		Id:          r.GetId().GetResourceType() + ":" + r.GetId().GetResource() + ":" + slug,
		DisplayName: r.GetDisplayName() + " " + slug,
		Slug:        slug,
		Purpose:     v2.Entitlement_PURPOSE_VALUE_ASSIGNMENT,
		GrantableTo: grantableTo,
	}.Build()
}

func grant(e *v2.Entitlement, principal *v2.Resource, annos ...*anypb.Any) *v2.Grant {
	return v2.Grant_builder{
		Entitlement: e,
		Principal:   principal,
		Id:          e.GetId() + ":" + principal.GetId().GetResourceType() + ":" + principal.GetId().GetResource(),
		Annotations: annos,
	}.Build()
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

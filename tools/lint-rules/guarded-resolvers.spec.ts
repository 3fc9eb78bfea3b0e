import { Rule, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';

// The rule is plain CommonJS so the flat config loads it without a build; it has no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rule: Rule.RuleModule = require('./guarded-resolvers.cjs');

const ruleTester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

const missingAccess = (name: string) => ({ messageId: 'missingAccess', data: { name } });

ruleTester.run('guarded-resolvers', rule, {
  valid: [
    {
      name: 'query with @Allow',
      code: `
        @Resolver()
        class OrganisationResolver {
          @Query(() => [OrganisationObject])
          @Allow('read', 'Organisation')
          organisations() {}
        }`,
    },
    {
      name: 'mutation public on purpose',
      code: `
        @Resolver()
        class AuthenticationResolver {
          @Public()
          @Mutation(() => AuthSession)
          logIn() {}
        }`,
    },
    {
      name: 'resolved field with @Allow',
      code: `
        @Resolver(() => ReferralObject)
        class ReferralResolver {
          @ResolveField(() => PersonObject)
          @Allow('read', 'Person')
          person() {}
        }`,
    },
    {
      name: 'decorator reached through a namespace',
      code: `
        class ProfileResolver {
          @GraphQL.Query(() => MeObject)
          @Allow('read', 'Profile')
          me() {}
        }`,
    },
    {
      name: 'method that is not a GraphQL operation',
      code: `
        class ReferralResolver {
          @UseGuards(SomeGuard)
          helper() {}
          plain() {}
        }`,
    },
    {
      name: 'custom guard names',
      options: [{ guards: ['Authorize'] }],
      code: `
        class ReferralResolver {
          @Query(() => [ReferralObject])
          @Authorize('read', 'Referral')
          referrals() {}
        }`,
    },
  ],
  invalid: [
    {
      name: 'query without access',
      code: `
        class OrganisationResolver {
          @Query(() => [OrganisationObject])
          organisations() {}
        }`,
      errors: [{ ...missingAccess('organisations'), line: 4, column: 11 }],
    },
    {
      name: 'a bare @UseGuards is not an access declaration',
      code: `
        class IdentityAdminResolver {
          @Mutation(() => UserObject)
          @UseGuards(AbilityGuard)
          createUser() {}
        }`,
      errors: [missingAccess('createUser')],
    },
    {
      name: 'a class-level @Public() does not cover the operations',
      code: `
        @Public()
        @Resolver()
        class AuthenticationResolver {
          @Mutation(() => AuthSession)
          logIn() {}
        }`,
      errors: [missingAccess('logIn')],
    },
    {
      name: 'resolved field without access',
      code: `
        @Resolver(() => ReferralObject)
        class ReferralResolver {
          @ResolveField(() => PersonObject)
          person() {}
        }`,
      errors: [missingAccess('person')],
    },
    {
      name: 'bare subscription decorator',
      code: `
        class AgendaResolver {
          @Subscription
          agendaPublished() {}
        }`,
      errors: [missingAccess('agendaPublished')],
    },
    {
      name: 'default guards no longer count once replaced',
      options: [{ guards: ['Authorize'] }],
      code: `
        class ReferralResolver {
          @Query(() => [ReferralObject])
          @Allow('read', 'Referral')
          referrals() {}
        }`,
      errors: [missingAccess('referrals')],
    },
  ],
});

/**
 * Links that are checked against the route tree when the renderer compiles (app/routes.tsx registers it):
 * `to` must name a route, `params` and `search` must be what that route takes. Mantine's anchor, button, nav
 * link and plain button each come as a link, so every link looks as before and none is a string.
 *
 * @example
 * <AnchorLink to="/petitions/$id" params={{ id: 12 }}>信〔2026〕0012号</AnchorLink>
 * const navigate = useNavigate();
 * navigate({ to: '/warnings/new', search: { report: 3 } });
 */
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { Anchor, Button, NavLink, UnstyledButton, type AnchorProps, type ButtonProps, type NavLinkProps, type UnstyledButtonProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';

export { useNavigate } from '@tanstack/react-router';

type AnchorElementProps = Omit<ComponentPropsWithoutRef<'a'>, 'color' | 'style'>;

const MantineAnchor = forwardRef<HTMLAnchorElement, AnchorProps & AnchorElementProps>((props, ref) => <Anchor component="a" ref={ref} {...props} />);
const MantineButton = forwardRef<HTMLAnchorElement, ButtonProps & AnchorElementProps>((props, ref) => <Button component="a" ref={ref} {...props} />);
const MantineNavLink = forwardRef<HTMLAnchorElement, NavLinkProps & Omit<AnchorElementProps, 'onChange'>>((props, ref) => <NavLink component="a" ref={ref} {...props} />);
const MantineUnstyled = forwardRef<HTMLAnchorElement, UnstyledButtonProps & AnchorElementProps>((props, ref) => <UnstyledButton component="a" ref={ref} {...props} />);

export const AnchorLink = createLink(MantineAnchor);
export const ButtonLink = createLink(MantineButton);
export const NavItemLink = createLink(MantineNavLink);
export const PlainLink = createLink(MantineUnstyled);
